package dev.vecdb.vec;

import dev.vecdb.ClosedException;
import dev.vecdb.Database;
import dev.vecdb.MismatchException;
import dev.vecdb.NotFoundException;
import dev.vecdb.VecOptions;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The vectors open in one {@link Database}. A vector is opened once per database: opening it again returns the same
 * object (so there is one writer state per vector), provided the class, value type, format and version match.
 * Thread-safe.
 */
public final class VecRegistry {
  private final Database database;
  private final TreeMap<String, StoredVec> open = new TreeMap<>();
  /** Where the vectors' writes record their changes, or null when the database keeps no commit log. */
  private final CommitRecorder recorder;

  /**
   * @param database the database whose vectors this registry tracks
   */
  public VecRegistry(Database database) {
    this(database, null);
  }

  /**
   * @param database the database whose vectors this registry tracks
   * @param recorder where its vectors record their changes, or null when the database keeps no commit log
   */
  public VecRegistry(Database database, CommitRecorder recorder) {
    this.database = database;
    this.recorder = recorder;
  }

  /** Where the vectors record their changes, or null. */
  CommitRecorder recorder() {
    return recorder;
  }

  /**
   * Returns the open vector {@code name}, or opens it with {@code factory}.
   *
   * @throws MismatchException if it is already open with another class, value type, format or version
   * @throws ClosedException if the database is closed
   */
  public synchronized <V extends StoredVec> V open(String name, Class<V> type, String typeLabel,
      VecOptions options, Supplier<V> factory) {
    if (!database.isOpen()) {
      throw new ClosedException("cannot open vector '" + name + "': database " + database.path() + " is closed");
    }
    StoredVec existing = open.get(name);
    if (existing instanceof ReplayVec) {
      open.remove(name); // a follower's untyped instance: the typed one loads the same written state
      existing = null;
    }
    if (existing != null) {
      if (!type.isInstance(existing) || !existing.typeLabel().equals(typeLabel)
          || existing.format() != options.format() || existing.version() != options.version()) {
        throw new MismatchException("vector '" + name + "' is already open in " + database.path() + " as "
            + existing.getClass().getSimpleName() + " of " + existing.typeLabel() + ", " + existing.format()
            + ", version " + existing.version() + "; requested " + type.getSimpleName() + " of " + typeLabel + ", "
            + options.format() + ", version " + options.version());
      }
      return type.cast(existing);
    }
    V created = factory.get();
    open.put(name, created);
    return created;
  }

  /** Registers {@code vec}, which a follower's applier opened; returns it. */
  synchronized StoredVec adopt(StoredVec vec) {
    open.put(vec.name(), vec);
    return vec;
  }

  /** Forgets the open vector {@code name} (a follower's applier removes or re-creates it). */
  synchronized void forget(String name) {
    open.remove(name);
  }

  /** The open vector {@code name}. */
  public synchronized Optional<StoredVec> find(String name) {
    return Optional.ofNullable(open.get(name));
  }

  /** Every open vector, by name. */
  public synchronized List<StoredVec> all() {
    return List.copyOf(open.values());
  }

  /**
   * Removes vector {@code name} and every region it stores data in; committed by the next flush.
   *
   * @throws NotFoundException if no such vector is open
   */
  public synchronized void remove(String name) {
    StoredVec vec = open.get(name);
    if (vec == null) {
      throw new NotFoundException("no open vector '" + name + "' in " + database.path());
    }
    vec.checkWritable("remove it");
    open.remove(name);
    database.regions().atomically(() -> {
      for (String region : vec.regionNames()) {
        database.regions().removeIfExists(region);
      }
      RemoveRecord.record(recorder, name);
      return null;
    });
  }
}

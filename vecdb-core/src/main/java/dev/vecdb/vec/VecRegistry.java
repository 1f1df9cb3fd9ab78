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

  /**
   * @param database the database whose vectors this registry tracks
   */
  public VecRegistry(Database database) {
    this.database = database;
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
      throw VecErrors.closed("cannot open vector '%s': database %s is closed", name, database.path());
    }
    StoredVec existing = open.get(name);
    if (existing != null) {
      if (!type.isInstance(existing) || !existing.typeLabel().equals(typeLabel)
          || existing.format() != options.format() || existing.version() != options.version()) {
        throw VecErrors.mismatch("vector '%s' is already open in %s as %s of %s, %s, version %s; requested %s of %s,"
            + " %s, version %s", name, database.path(), existing.getClass().getSimpleName(), existing.typeLabel(),
            existing.format(), existing.version(), type.getSimpleName(), typeLabel, options.format(),
            options.version());
      }
      return type.cast(existing);
    }
    V created = factory.get();
    open.put(name, created);
    return created;
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
      throw VecErrors.notFound("no open vector '%s' in %s", name, database.path());
    }
    vec.checkWritable("remove it");
    open.remove(name);
    for (String region : vec.regionNames()) {
      database.regions().removeIfExists(region);
    }
  }
}

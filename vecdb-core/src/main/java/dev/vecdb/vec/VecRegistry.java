package dev.vecdb.vec;

import dev.vecdb.ClosedException;
import dev.vecdb.MismatchException;
import dev.vecdb.NotFoundException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.codec.ValueCodec;
import dev.vecdb.internal.Exceptions;
import dev.vecdb.store.RegionStore;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The vectors open in one database: the narrow handle its vectors are opened through (the region store they live in),
 * in place of the {@link dev.vecdb.Database} facade. A vector is opened once per database: opening it again returns
 * the same object (so there is one writer state per vector), provided the class, value type, format and version
 * match. Internal: {@link dev.vecdb.Database} creates it (through {@link dev.vecdb.internal.VecAccess}) and is its
 * only user; its openers are the database's. Thread-safe.
 */
public final class VecRegistry {
  private final RegionStore store;
  private final TreeMap<String, StoredVec> open = new TreeMap<>();
  /** Where the vectors' writes record their changes, or null when the database keeps no commit log. */
  private final CommitRecorder recorder;

  /**
   * @param recorder where the vectors record their changes, or null when the database keeps no commit log
   */
  VecRegistry(RegionStore store, CommitRecorder recorder) {
    this.store = store;
    this.recorder = recorder;
  }

  /** Where the vectors record their changes, or null. */
  CommitRecorder recorder() {
    return recorder;
  }

  /** The region store the vectors live in. */
  RegionStore store() {
    return store;
  }

  /** Opens (creating if needed) a vector of {@code long} values: {@code i64} or {@code u64}. */
  public LongVec longVec(String name, NumberType type, VecOptions options) {
    return LongVec.open(this, name, type, options);
  }

  /** Opens (creating if needed) a vector of {@code int} values: {@code i32} or {@code u32}. */
  public IntVec intVec(String name, NumberType type, VecOptions options) {
    return IntVec.open(this, name, type, options);
  }

  /** Opens (creating if needed) a vector of {@code short} values: {@code i16} or {@code u16}. */
  public ShortVec shortVec(String name, NumberType type, VecOptions options) {
    return ShortVec.open(this, name, type, options);
  }

  /** Opens (creating if needed) a vector of {@code byte} values: {@code i8} or {@code u8}. */
  public ByteVec byteVec(String name, NumberType type, VecOptions options) {
    return ByteVec.open(this, name, type, options);
  }

  /** Opens (creating if needed) a vector of {@code f64} values. */
  public DoubleVec doubleVec(String name, NumberType type, VecOptions options) {
    return DoubleVec.open(this, name, type, options);
  }

  /** Opens (creating if needed) a vector of {@code f32} values. */
  public FloatVec floatVec(String name, NumberType type, VecOptions options) {
    return FloatVec.open(this, name, type, options);
  }

  /** Opens (creating if needed) a vector of fixed-size objects encoded by {@code codec}. */
  public <T> ObjVec<T> objVec(String name, ValueCodec<T> codec, VecOptions options) {
    return ObjVec.open(this, name, codec, options);
  }

  /**
   * Returns the open vector {@code name}, or opens it with {@code factory}.
   *
   * @throws MismatchException if it is already open with another class, value type, format or version
   * @throws ClosedException if the database is closed
   */
  synchronized <V extends StoredVec> V open(String name, Class<V> type, String typeLabel, VecOptions options,
      Supplier<V> factory) {
    if (!store.isOpen()) {
      throw Exceptions.closed("cannot open vector '%s': database %s is closed", name, store.path());
    }
    StoredVec existing = open.get(name);
    if (existing instanceof ReplayVec) {
      open.remove(name); // a follower's untyped instance: the typed one loads the same written state
      existing = null;
    }
    if (existing != null) {
      if (!type.isInstance(existing) || !existing.typeLabel().equals(typeLabel)
          || existing.format() != options.format() || existing.version() != options.version()) {
        throw VecErrors.mismatch("vector '%s' is already open in %s as %s of %s, %s, version %s; requested %s of %s,"
            + " %s, version %s", name, store.path(), existing.getClass().getSimpleName(), existing.typeLabel(),
            existing.format(), existing.version(), type.getSimpleName(), typeLabel, options.format(),
            options.version());
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

  /** Forgets the open vector {@code name}, detaching its instance (a follower's applier removes or re-creates it). */
  synchronized void forget(String name) {
    StoredVec vec = open.remove(name);
    if (vec != null) {
      vec.detach("by a commit of the leader");
    }
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
      throw Exceptions.notFound("no open vector '%s' in %s", name, store.path());
    }
    vec.claim();
    open.remove(name);
    store.atomically(() -> {
      for (String region : vec.regionNames()) {
        store.removeIfExists(region);
      }
      RemoveRecord.record(recorder, name);
      return null;
    });
    vec.detach("from it");
  }
}

package dev.vecdb.vec;

import dev.vecdb.VecOptions;
import dev.vecdb.codec.ValueCodec;
import java.util.Optional;

/**
 * A persistent vector of fixed-size objects: byte arrays of one length (hashes) or records, encoded by a
 * {@link ValueCodec}. Open it with {@link dev.vecdb.Database#objVec} or
 * {@link dev.vecdb.Database#bytesVec}. This object is the writer's
 * view (its reads include pushed values); other threads read through {@link #reader()}. See {@link StoredVec} for the
 * model and the threading rules.
 *
 * @param <T> the value type
 */
public final class ObjVec<T> extends StoredVec implements ObjReadable<T> {
  private final ValueCodec<T> codec;

  private ObjVec(VecRegistry vectors, String name, ValueCodec<T> codec, VecOptions options) {
    super(vectors, name, new ValueSpec(codec.typeCode(), codec.size(), codec.signature(), codec.description()),
        options);
    this.codec = codec;
  }

  /**
   * Opens (creating if needed) the vector {@code name} of values encoded by {@code codec}; the same object is
   * returned while the database is open.
   */
  @SuppressWarnings("unchecked")
  static <T> ObjVec<T> open(VecRegistry vectors, String name, ValueCodec<T> codec, VecOptions options) {
    return vectors.open(name, ObjVec.class, codec.description(), options,
        () -> new ObjVec<>(vectors, name, codec, options));
  }

  @Override
  public ValueCodec<T> codec() {
    return codec;
  }

  @Override
  public T get(long index) {
    long offset = locate(index);
    try {
      return codec.read(located, offset, order);
    } catch (IllegalStateException | InternalError e) {
      throw readFailure(e);
    }
  }

  /** Appends {@code value}. */
  public void push(T value) {
    if (!isWriter()) {
      claim();
    }
    long offset = preparePush();
    try {
      codec.write(value, pushBuffer, offset, order);
    } catch (RuntimeException invalid) {
      pushedBytes -= size;
      throw invalid;
    }
  }

  /** Appends {@code value}, checking that it lands at {@code index}. */
  public void checkedPush(long index, T value) {
    checkPushIndex(index);
    push(value);
  }

  /** Replaces the value at {@code index} (stored or pushed); updating a hole fills it. */
  public void update(long index, T value) {
    long offset = prepareUpdate(index);
    codec.write(value, located, offset, order);
  }

  /** Returns the value at {@code index} and deletes it; empty (and nothing deleted) for a hole or out of range. */
  public Optional<T> take(long index) {
    Optional<T> value = tryGet(index);
    if (value.isPresent()) {
      delete(index);
    }
    return value;
  }

  /** Writes {@code value} into the smallest hole, or pushes it when there is none; returns its index. */
  public long fillFirstHoleOrPush(T value) {
    long hole = firstHoleForFill();
    if (hole >= 0) {
      update(hole, value);
      return hole;
    }
    push(value);
    return len() - 1;
  }

  /** A view of the written values for any thread; close it when done (see {@link ObjReader}). */
  public ObjReader<T> reader() {
    return new ObjReader<>(this);
  }
}

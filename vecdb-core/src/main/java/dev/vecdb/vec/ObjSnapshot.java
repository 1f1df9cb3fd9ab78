package dev.vecdb.vec;

import dev.vecdb.HoleException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.codec.ValueCodec;
import dev.vecdb.internal.Exceptions;

/**
 * One published state of an {@link ObjVec}, read as a whole: what {@link ObjReader#snapshot()} returns and what
 * every multi-value read of an {@link ObjReader} goes through. Its length, holes and values are those of the state
 * published when it was taken, however the writer changes the vector meanwhile (see {@link Lineage}).
 *
 * <p>Not thread-safe (a reader is; it takes one snapshot per operation). A read through it leases a page decoder of
 * a paged vector and gives it back when it returns, except that a cursor over it holds the lease until it is
 * exhausted. Valid while its reader is open.
 *
 * @param <T> the value type
 */
final class ObjSnapshot<T> implements ObjReadable<T> {
  private final ObjVec<T> vec;
  private final StoredVec.Published state;
  private StoredChunks chunks;
  /** Whether a cursor holds the decoder lease until {@link #release()}. */
  private boolean held;

  ObjSnapshot(ObjVec<T> vec, StoredVec.Published state) {
    this.vec = vec;
    this.state = state;
  }

  @Override
  public String name() {
    return vec.name;
  }

  @Override
  public ValueCodec<T> codec() {
    return vec.codec();
  }

  @Override
  public long len() {
    return state.len();
  }

  @Override
  public boolean isHole(long index) {
    return state.isHole(index);
  }

  @Override
  public T get(long index) {
    if (chunks == null) {
      chunks = StoredChunks.ofState(vec, state);
    }
    try {
      return read(vec, state, chunks, index);
    } finally {
      if (!held) {
        chunks.release();
      }
    }
  }

  @Override
  public ObjReadable<T> snapshot() {
    return this;
  }

  /** Reads keep their decoder lease until {@link #release()} (a cursor over this snapshot reads through it). */
  void hold() {
    held = true;
  }

  /** Ends {@link #hold()}: gives back the leased page decoder (a cursor calls it when exhausted). */
  void release() {
    held = false;
    if (chunks != null) {
      chunks.release();
    }
  }

  /**
   * The value at {@code index} of {@code state}, read through {@code chunks}.
   *
   * @throws OutOfRangeException if it is outside the state's length
   * @throws HoleException if it is a hole
   */
  static <T> T read(ObjVec<T> vec, StoredVec.Published state, StoredChunks chunks, long index) {
    if (index < 0 || index >= state.len()) {
      vec.checkNotRemoved();
      throw Exceptions.outOfRange("vector '%s': index %s out of range, written length is %s", vec.name, index,
          state.len());
    }
    if (state.isHole(index)) {
      throw Exceptions.hole("vector '%s': index %s is a hole", vec.name, index);
    }
    try {
      chunks.chunk(index, index + 1);
      return vec.codec().read(chunks.segment, chunks.origin + index * vec.size, vec.order);
    } catch (IllegalStateException | InternalError e) {
      throw vec.readFailure(e);
    }
  }
}

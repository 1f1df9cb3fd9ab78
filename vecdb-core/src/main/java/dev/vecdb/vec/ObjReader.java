package dev.vecdb.vec;

import dev.vecdb.codec.ValueCodec;
import dev.vecdb.store.RegionReader;

/**
 * A read-only view of the written values of an {@link ObjVec}, for any number of threads at once, without locks (one
 * reader may be shared by every thread of an application): it sees what {@code write()} published, grows with every
 * write and shrinks at once on truncation. Every operation reads one published state: a point read the state as of
 * its start, a multi-value read (forEach, fold, collect, cursor, stream, export) all its values from one
 * {@link #snapshot()}, however the writer changes the vector meanwhile. The reader holds no mutable state of its
 * own. It pins the vector's storage while open; close it when done, after every operation through it has ended.
 *
 * @param <T> the value type
 */
public final class ObjReader<T> implements ObjReadable<T>, AutoCloseable {
  private final ObjVec<T> vec;
  private final RegionReader pin;

  ObjReader(ObjVec<T> vec) {
    this.vec = vec;
    this.pin = vec.region.reader();
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
    return vec.published.len();
  }

  @Override
  public boolean isHole(long index) {
    return vec.published.isHole(index);
  }

  /** The written value at {@code index}, read from the state published now (through its retained bytes). */
  @Override
  public T get(long index) {
    StoredVec.Published state = vec.published;
    StoredChunks chunks = StoredChunks.ofState(vec, state);
    try {
      return ObjSnapshot.read(vec, state, chunks, index);
    } finally {
      chunks.release();
    }
  }

  /** A view of the state published now, read whole however the writer changes the vector. */
  @Override
  public ObjReadable<T> snapshot() {
    vec.checkNotRemoved();
    return new ObjSnapshot<>(vec, vec.published);
  }

  /** Releases the pin on the vector's storage. Idempotent, from any thread. */
  @Override
  public void close() {
    pin.close();
  }
}

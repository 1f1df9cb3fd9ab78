package dev.vecdb.vec;

import dev.vecdb.HoleException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.codec.ValueCodec;
import dev.vecdb.store.RegionReader;

/**
 * A read-only view of the written values of an {@link ObjVec}, for any number of threads at once, without locks:
 * it sees what {@code write()} published, grows with every write and shrinks at once on truncation. It pins the
 * vector's storage while open; close it when done.
 *
 * @param <T> the value type
 */
public final class ObjReader<T> implements ObjReadable<T>, AutoCloseable {
  private final ObjVec<T> vec;
  private final RegionReader pin;
  private final StoredChunks chunks;

  ObjReader(ObjVec<T> vec) {
    this.vec = vec;
    this.pin = vec.region.reader();
    this.chunks = new StoredChunks(vec, pin);
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
    chunks.begin();
    return chunks.visibleLen();
  }

  @Override
  public boolean isHole(long index) {
    return vec.published.isHole(index);
  }

  @Override
  public T get(long index) {
    StoredVec.Published state = chunks.begin();
    long len = chunks.visibleLen();
    if (index < 0 || index >= len) {
      throw new OutOfRangeException("vector '" + vec.name + "': index " + index + " out of range, written length is "
          + len);
    }
    if (state.isHole(index)) {
      throw new HoleException("vector '" + vec.name + "': index " + index + " is a hole");
    }
    chunks.chunk(index, index + 1);
    return vec.codec().read(chunks.segment, chunks.origin + index * vec.size, vec.order);
  }

  /** Releases the pin on the vector's storage. Idempotent. */
  @Override
  public void close() {
    pin.close();
  }
}

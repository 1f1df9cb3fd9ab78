package dev.vecdb.vec;

import dev.vecdb.internal.Exceptions;

import java.util.Iterator;

/**
 * A forward cursor over the values of a range of an {@link ObjReadable}, skipping holes; {@link #index()} tells the
 * index of the value last returned. Not thread-safe.
 *
 * @param <T> the value type
 */
public final class ObjCursor<T> implements Iterator<T> {
  private final ObjReadable<T> source;
  private final long end;
  private long next;
  private long index = -1;

  ObjCursor(ObjReadable<T> source, long from, long to) {
    this.source = source;
    this.end = StoredVec.clampTo(from, to, source.len());
    this.next = StoredVec.clampFrom(from, source.len());
    if (source instanceof ObjSnapshot<T> snapshot) {
      snapshot.hold();
    }
    skipHoles();
  }

  @Override
  public boolean hasNext() {
    return next < end;
  }

  @Override
  public T next() {
    if (next >= end) {
      throw Exceptions.noSuchElement("cursor over '%s' reached %s", source.name(), end);
    }
    index = next;
    T value = source.get(next++);
    skipHoles();
    return value;
  }

  /** Index of the value last returned, or -1 before the first. */
  public long index() {
    return index;
  }

  /** Index of the next value ({@code end} when exhausted). */
  public long position() {
    return next;
  }

  private void skipHoles() {
    while (next < end && source.isHole(next)) {
      next++;
    }
    if (next >= end && source instanceof ObjSnapshot<T> snapshot) {
      snapshot.release();
    }
  }
}

package dev.vecdb.store;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pinned view of one {@link Region}: while it is open, space the region leaves behind (by moving or being removed)
 * is not reused, so every segment obtained from it keeps the region's bytes. It sees the region grow and shrink:
 * {@link #segment()} returns the region's bytes as of the call. A reader stays usable after the region is removed
 * (it then keeps returning the last bytes the region had) and until the database is closed.
 *
 * <p>Cheap to open (one atomic increment) and to close. Safe to share between threads (closing is idempotent, from
 * any thread); close it once every read through it has ended. A reader that is never closed only delays the reuse
 * of space, it leaks nothing else.
 */
public final class RegionReader implements AutoCloseable {
  private final Region region;
  private final AtomicBoolean closed = new AtomicBoolean();

  RegionReader(Region region) {
    this.region = region;
  }

  /** The region's bytes as of now, read-only and zero-copy. */
  public MemorySegment segment() {
    region.store().checkOpen();
    return region.extent().view();
  }

  /** The region's length as of now. */
  public long length() {
    return region.extent().length();
  }

  /** The region this reader reads. */
  public Region region() {
    return region;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      region.unpin();
    }
  }
}

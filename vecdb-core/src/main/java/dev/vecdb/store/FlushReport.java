package dev.vecdb.store;

/**
 * What a {@link RegionStore#flush()} committed, not counting the commit number it writes with it (see
 * {@link RegionStore#commitNumber()}).
 *
 * @param regions number of region-table slots written (regions created, resized, moved, renamed or removed)
 * @param bytes data bytes written since the previous flush and now durable
 */
public record FlushReport(int regions, long bytes) {
  /** The report of a flush that found nothing to do. */
  public static final FlushReport EMPTY = new FlushReport(0, 0);

  /** Whether the flush found nothing to commit. */
  public boolean isEmpty() {
    return regions == 0 && bytes == 0;
  }
}

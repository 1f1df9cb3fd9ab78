package dev.vecdb.store;

/**
 * Size of a store's files ({@code data}, {@code regions}, {@code journal}).
 *
 * @param logicalBytes sum of the file lengths, as {@code ls -l} shows them (the data file is sparse)
 * @param allocatedBytes bytes actually allocated on disk, as {@code du} shows them; -1 when unknown (reading it
 *     needs native access, see {@link RegionStore#compact()})
 */
public record DiskUsage(long logicalBytes, long allocatedBytes) {
  /** Whether {@link #allocatedBytes()} is known. */
  public boolean isAllocatedKnown() {
    return allocatedBytes >= 0;
  }

  /** Human-readable allocated size (or logical size when unknown), e.g. {@code 1.5 GiB}, {@code 12.0 KiB}. */
  @Override
  public String toString() {
    return format(isAllocatedKnown() ? allocatedBytes : logicalBytes)
        + (isAllocatedKnown() ? " allocated, " + format(logicalBytes) + " logical" : " logical");
  }

  static String format(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
    if (bytes >= 1L << 10) {
      return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / (double) (1L << 10));
    }
    return bytes + " B";
  }
}

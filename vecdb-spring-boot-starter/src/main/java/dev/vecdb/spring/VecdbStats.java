package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.store.DiskUsage;
import dev.vecdb.vec.StoredVec;
import java.util.Locale;

/**
 * Size figures of vectors (computed from the database's regions) and of the database: what metrics and the actuator
 * endpoint report. Reads written state only, so any thread may call it; the database must be open. Stateless.
 */
public final class VecdbStats {
  private VecdbStats() {}

  /** Bytes the vector occupies in the database: the length of every region it stores data in. */
  public static long storedBytes(StoredVec vector) {
    return vector.storedBytes();
  }

  /** Bytes the written values take uncompressed: written length times value size. */
  public static long uncompressedBytes(StoredVec vector) {
    return vector.storedLen() * vector.valueSize();
  }

  /** Uncompressed bytes per stored byte (1 when nothing is stored). */
  public static double compressionRatio(StoredVec vector) {
    long stored = storedBytes(vector);
    return stored == 0 ? 1.0 : (double) uncompressedBytes(vector) / stored;
  }

  /** Bytes the database's files occupy on disk: allocated bytes when known, else their logical size. */
  public static long diskUsageBytes(Database database) {
    DiskUsage usage = database.diskUsage();
    return usage.isAllocatedKnown() ? usage.allocatedBytes() : usage.logicalBytes();
  }

  /** The format as configured and reported: {@code bytes}, {@code zero-copy}, {@code pco}, ... */
  public static String formatLabel(Format format) {
    return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

package dev.vecdb.store;

import dev.vecdb.internal.Crc32c;
import dev.vecdb.internal.Exceptions;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The commit sequence: the number of the last completed flush that changed something (0 before the first one).
 * The number lives in the store's internal region {@value #REGION_ID} as {@code u64 number, u32 crc32c of the
 * number, u32 zero} (little-endian), and a flush writes the next number into it before it commits. That write is an
 * ordinary region write, so the undo journal makes the number part of the flush's atomic commit: a crash reopens
 * with the number of exactly the last completed flush, and a failed flush leaves it where it was.
 *
 * <p>Threads: {@link #stage} and {@link #completed} run inside a flush, under the store's commit lock;
 * {@link #committed()} may be read on any thread.
 */
final class CommitSequence {
  static final String REGION_ID = RegionIds.INTERNAL_PREFIX + "commit";
  private static final int SIZE = 16;
  private static final ValueLayout.OfLong NUMBER = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt CHECK = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private final RegionStore store;
  private Region region;
  private volatile long committed;
  private long staged;

  /** The sequence of {@code store}, read from {@code region} (null in a store that never committed a change). */
  CommitSequence(RegionStore store, Region region) {
    this.store = store;
    this.region = region;
    this.committed = region == null ? 0 : decode(region);
  }

  /** The number of the last completed commit. */
  long committed() {
    return committed;
  }

  /**
   * Writes {@code number} (greater than {@link #committed()}) as the number of the flush in progress; it becomes
   * {@link #committed()} when the flush completes.
   */
  void stage(long number) {
    if (region == null) {
      region = store.createInternal(REGION_ID);
    }
    MemorySegment image = MemorySegment.ofArray(new byte[SIZE]);
    image.set(NUMBER, 0, number);
    image.set(CHECK, 8, crc(image));
    region.truncateAndWrite(0, image);
    staged = number;
  }

  /** The flush that staged a number completed: that number is now the committed one. */
  void completed() {
    committed = staged;
  }

  private static long decode(Region region) {
    byte[] bytes = region.readAll();
    MemorySegment image = MemorySegment.ofArray(bytes);
    if (bytes.length != SIZE
        || image.get(CHECK, 8) != crc(image)
        || image.get(CHECK, 12) != 0) {
      throw Exceptions.corruption("commit sequence (region '%s') of database %s is damaged: %s bytes, checksum or"
          + " padding wrong", REGION_ID, region.store().path(), bytes.length);
    }
    return image.get(NUMBER, 0);
  }

  private static int crc(MemorySegment image) {
    return Crc32c.of(image.asSlice(0, Long.BYTES));
  }
}

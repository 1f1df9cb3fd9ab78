package dev.vecdb.vec;

import dev.vecdb.internal.Crc32c;
import dev.vecdb.internal.Exceptions;

import dev.vecdb.store.Region;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The region {@code <vector>@holes} that stores a vector's written holes: the sorted hole indices (u64 LE each), then
 * a CRC32C of them (u32 LE). It exists only while the vector has holes. A collaborator of one {@link StoredVec}; the
 * in-memory holes are its {@link HoleSet}. Threads: the vector's writer only.
 */
final class HolesRegion {
  /** The suffix of the region's id after the vector's name. */
  static final String SUFFIX = "@holes";
  private static final ValueLayout.OfLong LE_LONG =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private final RegionStore store;
  private final String vector;
  private Region region;

  HolesRegion(RegionStore store, String vector) {
    this.store = store;
    this.vector = vector;
    this.region = store.find(id()).orElse(null);
  }

  /** The region's id. */
  String id() {
    return vector + SUFFIX;
  }

  /** Whether the region exists. */
  boolean exists() {
    return region != null;
  }

  /**
   * The stored holes, sorted; empty when the region does not exist.
   *
   * @throws dev.vecdb.CorruptionException if the region fails its checksum, or a hole is out of order or not below
   *     {@code len}
   */
  long[] load(long len) {
    if (region == null) {
      return new long[0];
    }
    MemorySegment in = MemorySegment.ofArray(region.readAll());
    long count = (in.byteSize() - 4) / 8;
    if (in.byteSize() < 12 || in.byteSize() % 8 != 4 || in.get(LE_INT, count * 8) != crc(in.asSlice(0, count * 8))) {
      throw Exceptions.corruption("vector '%s': holes region (%s bytes) fails its checksum", vector, in.byteSize());
    }
    long[] sorted = new long[(int) count];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = in.getAtIndex(LE_LONG, i);
      if (sorted[i] < 0 || sorted[i] >= len || (i > 0 && sorted[i] <= sorted[i - 1])) {
        throw Exceptions.corruption("vector '%s': hole %s (index %s) is out of order or beyond the length %s", vector,
            i, sorted[i], len);
      }
    }
    return sorted;
  }

  /** Rewrites the region with {@code holes} (sorted), or removes it when there are none. */
  void store(long[] holes) {
    if (holes.length == 0) {
      if (region != null) {
        region.remove();
        region = null;
      }
      return;
    }
    if (region == null) {
      region = store.createIfNeeded(id());
    }
    MemorySegment bytes = MemorySegment.ofArray(new byte[holes.length * 8 + 4]);
    for (int i = 0; i < holes.length; i++) {
      bytes.setAtIndex(LE_LONG, i, holes[i]);
    }
    bytes.set(LE_INT, holes.length * 8L, crc(bytes.asSlice(0, holes.length * 8L)));
    region.truncateAndWrite(0, bytes);
  }

  private static int crc(MemorySegment bytes) {
    return Crc32c.of(bytes);
  }
}

package dev.vecdb.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The space-returning part of {@link RegionStore#compact()}: finds the bytes no committed region uses (the free holes
 * of the {@link SpaceLayout} and the reserved tails of regions, page-aligned) and punches them out of the data file.
 *
 * <p>Invariants: it never punches a byte inside a region's used pages, nor the tail of a region that a
 * {@link RegionReader} pins (a reader may still read an older, longer state of it there); the data file is forced
 * after punching. Without native access nothing is punched and the report says how much could be reclaimed.
 *
 * <p>Threads: runs right after a flush, on the compacting thread, which holds the store's snapshot lock and its
 * commit lock for writing, so the layout and the regions' extents do not change meanwhile.
 */
final class Compaction {
  private Compaction() {}

  /** Reclaims the unused space of {@code regions} and the free holes of {@code layout} in {@code data}. */
  static CompactionReport reclaim(SpaceLayout layout, Collection<Region> regions, DataFile data) throws IOException {
    List<long[]> candidates = new ArrayList<>();
    layout.holes().forEach((start, size) -> candidates.add(new long[] {start, size}));
    for (Region region : regions) {
      Region.Extent e = region.extent();
      long usedEnd = (e.length() + SpaceLayout.PAGE - 1) & -SpaceLayout.PAGE;
      if (usedEnd < e.reserved() && !region.isPinned()) {
        candidates.add(new long[] {e.start() + usedEnd, e.reserved() - usedEnd});
      }
    }
    long reclaimable = candidates.stream().mapToLong(c -> c[1]).sum();
    if (NativeFiles.available().isEmpty()) {
      return new CompactionReport(reclaimable, false);
    }
    for (long[] c : candidates) {
      data.punchHole(c[0], c[1]);
    }
    data.force();
    return new CompactionReport(reclaimable, true);
  }
}

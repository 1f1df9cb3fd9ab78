package dev.vecdb.kafka;

/**
 * Finds where a follower resumes: the first record of the partition whose commit number is above the follower's,
 * by binary search over offsets. Commit numbers never decrease along the partition, so "the first visible record at
 * or after offset {@code o}" has a commit number that never decreases with {@code o}; a probe at an offset holding a
 * transaction marker or an aborted record (invisible to a {@code read_committed} consumer) answers with the next
 * visible record. Costs {@code O(log(end - start))} probes.
 */
final class OffsetSearch {
  /** A record found by a probe: its offset and its header. */
  record Located(long offset, PartHeader part) {
  }

  /** Reads the partition: the first visible record at or after an offset. */
  @FunctionalInterface
  interface Probe {
    /**
     * @return the first visible record at an offset {@code >= offset} and below the search's end, or null if there
     *     is none
     */
    Located firstAtOrAfter(long offset);
  }

  private OffsetSearch() {
  }

  /**
   * The first visible record in {@code [start, end)} whose commit number is above {@code applied}, or null when every
   * visible record there is at or below it.
   */
  static Located firstAbove(long applied, long start, long end, Probe probe) {
    long low = start;
    long high = end;
    while (low < high) {
      long middle = low + (high - low) / 2;
      Located found = probe.firstAtOrAfter(middle);
      if (found == null || found.part().commit() > applied) {
        high = middle;
      } else {
        low = found.offset() + 1;
      }
    }
    return low < end ? probe.firstAtOrAfter(low) : null;
  }
}

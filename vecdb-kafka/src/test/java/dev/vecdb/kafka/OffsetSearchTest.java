package dev.vecdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The binary search that finds where a follower resumes, over simulated partitions with multi-part commits,
 * transaction markers and aborted records (offsets a {@code read_committed} consumer never sees) and a log start
 * moved up by retention, checked against a linear scan.
 */
class OffsetSearchTest {
  /** A partition: at each offset the visible record's header, or null for a marker or an aborted record. */
  private record Partition(List<PartHeader> offsets) {
    OffsetSearch.Located firstAtOrAfter(long offset, long end, int[] probes) {
      probes[0]++;
      for (long o = offset; o < end; o++) {
        if (offsets.get((int) o) != null) {
          return new OffsetSearch.Located(o, offsets.get((int) o));
        }
      }
      return null;
    }
  }

  private static Partition partition(SplittableRandom random, int commits) {
    List<PartHeader> offsets = new ArrayList<>();
    for (long commit = 1; commit <= commits; commit++) {
      if (random.nextInt(5) == 0) {
        for (int aborted = random.nextInt(1, 4); aborted > 0; aborted--) {
          offsets.add(null);
        }
        offsets.add(null);
      }
      int parts = random.nextInt(8) == 0 ? random.nextInt(2, 6) : 1;
      for (int part = 0; part < parts; part++) {
        offsets.add(new PartHeader(commit, part, parts, 0, 1, 0));
      }
      offsets.add(null);
    }
    return new Partition(offsets);
  }

  @Test
  void findsTheFirstPartOfTheNextCommitInLogarithmicProbes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 40; round++) {
      int commits = random.nextInt(1, 3000);
      Partition partition = partition(random, commits);
      long end = partition.offsets().size();
      long start = random.nextBoolean() ? 0 : random.nextLong(end);
      for (int check = 0; check < 30; check++) {
        long applied = random.nextLong(commits + 2);
        int[] probes = {0};
        OffsetSearch.Located found = OffsetSearch.firstAbove(applied, start, end,
            offset -> partition.firstAtOrAfter(offset, end, probes));
        OffsetSearch.Located expected = null;
        for (long o = start; o < end && expected == null; o++) {
          PartHeader part = partition.offsets().get((int) o);
          if (part != null && part.commit() > applied) {
            expected = new OffsetSearch.Located(o, part);
          }
        }
        assertThat(found).as("applied %d in [%d, %d)", applied, start, end).isEqualTo(expected);
        if (found != null && found.offset() > start) {
          assertThat(found.part().index()).as("a commit's first part, unless retention cut the commit").isZero();
        }
        assertThat(probes[0]).isLessThanOrEqualTo(2 * (64 - Long.numberOfLeadingZeros(end - start + 1)) + 2);
      }
    }
  }

  @Test
  void anEmptyOrFullyMarkedRangeHasNoRecord() {
    Partition markers = new Partition(new ArrayList<>(java.util.Collections.nCopies(10, null)));
    int[] probes = {0};
    assertThat(OffsetSearch.firstAbove(0, 0, 10, o -> markers.firstAtOrAfter(o, 10, probes))).isNull();
    assertThat(OffsetSearch.firstAbove(0, 5, 5, o -> markers.firstAtOrAfter(o, 5, probes))).isNull();
  }
}

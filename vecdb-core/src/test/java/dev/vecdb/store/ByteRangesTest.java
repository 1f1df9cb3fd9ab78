package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ByteRangesTest {
  /** What the journal does: the missing parts, then marks the whole range once they are saved. */
  private static List<long[]> addMissing(ByteRanges ranges, long from, long to) {
    List<long[]> missing = ranges.missing(from, to);
    for (long[] range : missing) {
      ranges.add(range[0], range[1]);
    }
    return missing;
  }

  @Test
  void missingDoesNotMarkAnything() {
    ByteRanges ranges = new ByteRanges();
    assertThat(ranges.missing(10, 20)).containsExactly(new long[] {10, 20});
    assertThat(ranges.missing(10, 20)).as("nothing was journaled yet").containsExactly(new long[] {10, 20});
  }

  private final ByteRanges ranges = new ByteRanges();

  @Test
  void firstAdditionIsMissingEntirely() {
    assertThat(addMissing(ranges, 10, 20)).containsExactly(new long[] {10, 20});
    assertThat(addMissing(ranges, 10, 20)).isEmpty();
    assertThat(addMissing(ranges, 12, 18)).isEmpty();
  }

  @Test
  void reportsOnlyTheGaps() {
    addMissing(ranges, 10, 20);
    addMissing(ranges, 30, 40);
    List<long[]> missing = addMissing(ranges, 5, 45);
    assertThat(missing).containsExactly(new long[] {5, 10}, new long[] {20, 30}, new long[] {40, 45});
    assertThat(addMissing(ranges, 0, 50)).containsExactly(new long[] {0, 5}, new long[] {45, 50});
  }

  @Test
  void overlapsOnEitherSide() {
    addMissing(ranges, 10, 20);
    assertThat(addMissing(ranges, 15, 25)).containsExactly(new long[] {20, 25});
    assertThat(addMissing(ranges, 5, 12)).containsExactly(new long[] {5, 10});
    assertThat(addMissing(ranges, 5, 25)).isEmpty();
  }

  @Test
  void adjacentRangesMerge() {
    addMissing(ranges, 0, 10);
    addMissing(ranges, 10, 20);
    addMissing(ranges, 30, 40);
    addMissing(ranges, 20, 30);
    assertThat(addMissing(ranges, 0, 40)).isEmpty();
    assertThat(addMissing(ranges, 39, 41)).containsExactly(new long[] {40, 41});
  }

  @Test
  void emptyRangeIsNeverMissing() {
    assertThat(addMissing(ranges, 7, 7)).isEmpty();
    assertThat(addMissing(ranges, 7, 8)).containsExactly(new long[] {7, 8});
  }

  @Test
  void clearForgetsEverything() {
    addMissing(ranges, 0, 100);
    ranges.clear();
    assertThat(addMissing(ranges, 50, 60)).containsExactly(new long[] {50, 60});
  }
}

package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ByteRangesTest {
  private final ByteRanges ranges = new ByteRanges();

  @Test
  void firstAdditionIsMissingEntirely() {
    assertThat(ranges.addMissing(10, 20)).containsExactly(new long[] {10, 20});
    assertThat(ranges.addMissing(10, 20)).isEmpty();
    assertThat(ranges.addMissing(12, 18)).isEmpty();
  }

  @Test
  void reportsOnlyTheGaps() {
    ranges.addMissing(10, 20);
    ranges.addMissing(30, 40);
    List<long[]> missing = ranges.addMissing(5, 45);
    assertThat(missing).containsExactly(new long[] {5, 10}, new long[] {20, 30}, new long[] {40, 45});
    assertThat(ranges.addMissing(0, 50)).containsExactly(new long[] {0, 5}, new long[] {45, 50});
  }

  @Test
  void overlapsOnEitherSide() {
    ranges.addMissing(10, 20);
    assertThat(ranges.addMissing(15, 25)).containsExactly(new long[] {20, 25});
    assertThat(ranges.addMissing(5, 12)).containsExactly(new long[] {5, 10});
    assertThat(ranges.addMissing(5, 25)).isEmpty();
  }

  @Test
  void adjacentRangesMerge() {
    ranges.addMissing(0, 10);
    ranges.addMissing(10, 20);
    ranges.addMissing(30, 40);
    ranges.addMissing(20, 30);
    assertThat(ranges.addMissing(0, 40)).isEmpty();
    assertThat(ranges.addMissing(39, 41)).containsExactly(new long[] {40, 41});
  }

  @Test
  void emptyRangeIsNeverMissing() {
    assertThat(ranges.addMissing(7, 7)).isEmpty();
    assertThat(ranges.addMissing(7, 8)).containsExactly(new long[] {7, 8});
  }

  @Test
  void clearForgetsEverything() {
    ranges.addMissing(0, 100);
    ranges.clear();
    assertThat(ranges.addMissing(50, 60)).containsExactly(new long[] {50, 60});
  }
}

package dev.vecdb.store;

import static dev.vecdb.store.SpaceLayout.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SpaceLayoutTest {
  private final SpaceLayout layout = new SpaceLayout();

  @Test
  void allocatesAtTheEndWhenThereIsNoHole() {
    assertThat(layout.allocate(PAGE)).isZero();
    assertThat(layout.allocate(2 * PAGE)).isEqualTo(PAGE);
    assertThat(layout.end()).isEqualTo(3 * PAGE);
    assertThat(layout.holes()).isEmpty();
  }

  @Test
  void releasedSpaceIsPendingUntilPromoted() {
    long a = layout.allocate(PAGE);
    layout.allocate(PAGE);
    layout.release(a, PAGE, () -> false);

    assertThat(layout.holes()).isEmpty();
    assertThat(layout.pendingBytes()).isEqualTo(PAGE);
    assertThat(layout.allocate(PAGE)).isEqualTo(2 * PAGE);

    layout.promotePending();
    assertThat(layout.pendingBytes()).isZero();
    assertThat(layout.holes()).containsExactly(Map.entry(0L, PAGE));
    assertThat(layout.allocate(PAGE)).isZero();
  }

  @Test
  void pendingSpaceStillReadIsNotPromoted() {
    long a = layout.allocate(PAGE);
    layout.allocate(PAGE);
    AtomicBoolean read = new AtomicBoolean(true);
    layout.release(a, PAGE, read::get);

    layout.promotePending();
    assertThat(layout.holes()).isEmpty();

    read.set(false);
    layout.promotePending();
    assertThat(layout.holes()).containsExactly(Map.entry(0L, PAGE));
  }

  @Test
  void pendingSpaceCountsTowardsTheEnd() {
    layout.allocate(PAGE);
    long b = layout.allocate(4 * PAGE);
    layout.release(b, 4 * PAGE, () -> false);
    assertThat(layout.end()).isEqualTo(5 * PAGE);
    assertThat(layout.allocate(PAGE)).isEqualTo(5 * PAGE);
  }

  @Test
  void adjacentHolesCoalesce() {
    long a = layout.allocate(PAGE);
    long b = layout.allocate(2 * PAGE);
    long c = layout.allocate(PAGE);
    layout.allocate(PAGE);
    layout.release(a, PAGE, () -> false);
    layout.release(c, PAGE, () -> false);
    layout.promotePending();
    assertThat(layout.holes()).containsExactly(Map.entry(0L, PAGE), Map.entry(3 * PAGE, PAGE));

    layout.release(b, 2 * PAGE, () -> false);
    layout.promotePending();
    assertThat(layout.holes()).containsExactly(Map.entry(0L, 4 * PAGE));
    assertThat(layout.allocate(4 * PAGE)).isZero();
    assertThat(layout.holes()).isEmpty();
  }

  @Test
  void bestFitTakesTheSmallestAdequateHoleShrinkingItFromTheFront() {
    long[] starts = new long[6];
    long[] sizes = {3, 1, 2, 1, 2, 1};
    for (int i = 0; i < sizes.length; i++) {
      starts[i] = layout.allocate(sizes[i] * PAGE);
    }
    layout.release(starts[0], 3 * PAGE, () -> false);
    layout.release(starts[2], 2 * PAGE, () -> false);
    layout.release(starts[4], 2 * PAGE, () -> false);
    layout.promotePending();

    assertThat(layout.allocate(PAGE)).as("smallest fit, lowest start among equals").isEqualTo(starts[2]);
    assertThat(layout.holes()).containsEntry(starts[2] + PAGE, PAGE);
    assertThat(layout.allocate(2 * PAGE)).isEqualTo(starts[4]);
    assertThat(layout.allocate(2 * PAGE)).isEqualTo(starts[0]);
    assertThat(layout.holes()).containsExactly(Map.entry(2 * PAGE, PAGE), Map.entry(starts[2] + PAGE, PAGE));
  }

  @Test
  void equalSizedHolesAreTakenLowestStartFirst() {
    long[] starts = new long[5];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = layout.allocate(PAGE);
    }
    layout.release(starts[3], PAGE, () -> false);
    layout.promotePending();
    layout.release(starts[1], PAGE, () -> false);
    layout.promotePending();
    assertThat(layout.allocate(PAGE)).isEqualTo(starts[1]);
    assertThat(layout.allocate(PAGE)).isEqualTo(starts[3]);
  }

  @Test
  void growsInPlaceWhenLast() {
    long a = layout.allocate(PAGE);
    assertThat(layout.tryGrowInPlace(a, PAGE, 4 * PAGE)).isTrue();
    assertThat(layout.end()).isEqualTo(4 * PAGE);
  }

  @Test
  void growsIntoAFollowingHoleOnlyWhenItIsLargeEnough() {
    long a = layout.allocate(PAGE);
    long b = layout.allocate(2 * PAGE);
    layout.allocate(PAGE);
    layout.release(b, 2 * PAGE, () -> false);
    layout.promotePending();

    assertThat(layout.tryGrowInPlace(a, PAGE, 4 * PAGE)).as("needs 3 pages, hole has 2").isFalse();
    assertThat(layout.tryGrowInPlace(a, PAGE, 2 * PAGE)).isTrue();
    assertThat(layout.holes()).containsExactly(Map.entry(2 * PAGE, PAGE));
    assertThat(layout.tryGrowInPlace(a, 2 * PAGE, 3 * PAGE)).isTrue();
    assertThat(layout.holes()).isEmpty();
  }

  @Test
  void doesNotGrowOverPendingSpace() {
    long a = layout.allocate(PAGE);
    long b = layout.allocate(PAGE);
    layout.release(b, PAGE, () -> false);
    assertThat(layout.tryGrowInPlace(a, PAGE, 2 * PAGE)).isFalse();
  }

  @Test
  void releaseNowIsReusableAtOnce() {
    layout.allocate(PAGE);
    long b = layout.allocate(PAGE);
    layout.allocate(PAGE);
    layout.releaseNow(b, PAGE);
    assertThat(layout.allocate(PAGE)).isEqualTo(b);
  }

  @Test
  void rebuildTurnsGapsBetweenRegionsIntoHolesButNotTheTail() {
    layout.addRegion(2 * PAGE, PAGE);
    layout.addRegion(5 * PAGE, 2 * PAGE);
    layout.fillGaps();
    assertThat(layout.holes()).containsExactly(Map.entry(0L, 2 * PAGE), Map.entry(3 * PAGE, 2 * PAGE));
    assertThat(layout.end()).isEqualTo(7 * PAGE);
  }
}

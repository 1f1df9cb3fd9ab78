package dev.vecdb.sample.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class SeriesRangeTest {
  private static final ApiProperties LIMITS = new ApiProperties(100, 10);

  private static SeriesRange resolve(Long from, Long to) {
    return SeriesRange.resolve("price", 1_000, from, to, LIMITS);
  }

  @Test
  void signedBoundsCountFromTheEnd() {
    assertThat(resolve(-5L, null)).isEqualTo(new SeriesRange(995, 1_000));
    assertThat(resolve(-20L, -10L)).isEqualTo(new SeriesRange(980, 990));
    assertThat(resolve(10L, 20L)).isEqualTo(new SeriesRange(10, 20));
    assertThat(resolve(-1_000L, -950L)).isEqualTo(new SeriesRange(0, 50));
  }

  @Test
  void defaultsAreTheLastValues() {
    assertThat(resolve(null, null)).isEqualTo(new SeriesRange(990, 1_000));
    assertThat(resolve(null, 5L)).isEqualTo(new SeriesRange(0, 5));
    assertThat(resolve(1_000L, null).size()).isZero();
  }

  @Test
  void outOfRangeInvertedAndOversizeRangesAreRefused() {
    assertRefused(1_001L, null, "from=1001 is out of range");
    assertRefused(-1_001L, null, "from=-1001 is out of range");
    assertRefused(0L, 1_001L, "to=1001 is out of range");
    assertRefused(20L, 10L, "from 20 is after to 10");
    assertRefused(0L, 101L, "holds 101 values, more than the 100");
  }

  private static void assertRefused(Long from, Long to, String detail) {
    assertThatThrownBy(() -> resolve(from, to)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
      assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(problem.getBody().getDetail()).startsWith("series 'price': ").contains(detail);
    });
  }
}

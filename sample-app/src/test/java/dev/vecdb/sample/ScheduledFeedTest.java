package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With a positive interval, new blocks arrive on a schedule and every vector is written and stamped past them. */
@TestPropertySource(properties = {
    "sample.feed.initial-blocks=100", "sample.feed.interval=50ms"})
class ScheduledFeedTest extends RunningSample {
  @Test
  void newBlocksArriveOnTheSchedule() {
    HttpApi api = api();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> api.<Integer>read("/api/blocks/latest", "$.height") >= 103);
    List<Integer> lengths = api.read("/actuator/vecdb", "$.vectors[*].length");
    List<Integer> stamps = api.read("/actuator/vecdb", "$.vectors[*].stamp");
    assertThat(lengths).hasSize(9).allMatch(length -> length >= 104);
    assertThat(stamps).hasSize(9).allMatch(stamp -> stamp >= 103);
  }
}

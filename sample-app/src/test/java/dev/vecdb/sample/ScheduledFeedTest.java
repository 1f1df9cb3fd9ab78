package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a positive interval, new blocks arrive on a schedule, each a stamped write of its own height. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "sample.feed.initial-blocks=100", "sample.feed.interval=50ms"})
class ScheduledFeedTest {
  @TempDir
  static Path dir;

  @DynamicPropertySource
  static void databasePath(DynamicPropertyRegistry registry) {
    registry.add("vecdb.path", () -> dir.toString());
  }

  @LocalServerPort
  int port;

  @Test
  void newBlocksArriveOnTheSchedule() {
    HttpApi api = new HttpApi(port);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> api.<Integer>read("/api/blocks/latest", "$.height") >= 103);
    List<Integer> lengths = api.read("/actuator/vecdb", "$.vectors[*].length");
    List<Integer> stamps = api.read("/actuator/vecdb", "$.vectors[*].stamp");
    assertThat(lengths).hasSize(5).allMatch(length -> length >= 104);
    assertThat(stamps).hasSize(5).allMatch(stamp -> stamp >= 103);
  }
}

package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vecdb.Database;
import dev.vecdb.kafka.EmbeddedBroker;
import dev.vecdb.sample.chain.Chain;
import dev.vecdb.sample.derived.DerivedMetrics;
import dev.vecdb.vec.StoredVec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The sample in its leader and replica profiles against a real Kafka broker in the test JVM, over real HTTP: the
 * replica serves the same blocks, series (stored, eager and lazy) and reorgs as the leader, read-only, computing
 * nothing itself.
 */
class ReplicaModeTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final List<String> SERIES = List.of("timestamp", "price", "tx-count", "fees", "hash", "price-sma",
      "price-ema", "tx-count-cumulative", "fees-rolling", "fee-per-tx");

  @TempDir
  Path dir;

  private static ConfigurableApplicationContext start(String profile, Path path, String topic) {
    return new SpringApplicationBuilder(SampleApplication.class).profiles(profile).run("--server.port=0",
        "--vecdb.path=" + path, "--spring.kafka.bootstrap-servers=" + EmbeddedBroker.bootstrapServers(),
        "--vecdb.replication.topic=" + topic, "--sample.feed.initial-blocks=1500",
        "--sample.feed.batch-size=500", "--sample.feed.interval=0s");
  }

  private static HttpApi api(ConfigurableApplicationContext context) {
    return new HttpApi(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
  }

  /** Waits until the replica applied every commit of the leader, then compares what both serve. */
  private static void assertSameAnswers(HttpApi leader, HttpApi replica, ConfigurableApplicationContext leaderApp,
      ConfigurableApplicationContext replicaApp) {
    long commit = leaderApp.getBean(Database.class).commitNumber();
    await().atMost(WAIT).until(() -> replicaApp.getBean(Database.class).commitNumber() == commit);
    assertThat(replica.get("/api/blocks/latest").getBody()).isEqualTo(leader.get("/api/blocks/latest").getBody());
    assertThat(replica.get("/api/blocks/777").getBody()).isEqualTo(leader.get("/api/blocks/777").getBody());
    for (String series : SERIES) {
      String path = "/api/series/" + series + "?from=-1200";
      ResponseEntity<String> answer = replica.get(path);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody()).as(path).isEqualTo(leader.get(path).getBody());
    }
  }

  @Test
  void aReplicaServesWhatTheLeaderWritesAndRefusesToWrite() throws IOException {
    String topic = EmbeddedBroker.newTopic("sample-chain");
    try (ConfigurableApplicationContext leaderApp = start("leader", dir.resolve("leader"), topic);
        ConfigurableApplicationContext replicaApp = start("replica", dir.resolve("replica"), topic)) {
      HttpApi leader = api(leaderApp);
      HttpApi replica = api(replicaApp);
      assertThat(replicaApp.getBean(Database.class).isReadOnly()).isTrue();
      assertThat(replicaApp.getBeansOfType(Chain.class)).isEmpty();
      assertSameAnswers(leader, replica, leaderApp, replicaApp);
      assertThat((Integer) replica.read("/api/blocks/latest", "$.height")).isEqualTo(1499);

      assertThat(leader.post("/api/reorg?toHeight=1200").getStatusCode()).isEqualTo(HttpStatus.OK);
      leaderApp.getBean(Chain.class).produce();
      assertSameAnswers(leader, replica, leaderApp, replicaApp);
      assertThat((Integer) replica.read("/api/blocks/latest", "$.height")).isEqualTo(1500);

      // The eager metrics come from the leader: the replica's equal the leader's (compared above) with the leader's
      // stamp, it has no Chain (the only caller of DerivedMetrics.update), and its database refuses every write.
      for (StoredVec derived : replicaApp.getBean(DerivedMetrics.class).stored()) {
        assertThat(derived.stamp()).as(derived.name()).isEqualTo(1500);
      }

      ResponseEntity<String> reorg = replica.post("/api/reorg?toHeight=1400");
      assertThat(reorg.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(reorg.getBody()).contains("read-only replica");
      assertThat((String) replica.read("/api/replication", "$.role")).isEqualTo("follower");
      assertThat((String) replica.read("/api/replication", "$.state")).isEqualTo("running");
      assertThat((String) replica.read("/api/replication", "$.topic")).isEqualTo(topic);
      await().atMost(WAIT).untilAsserted(() -> assertThat(
          (Integer) replica.read("/api/replication", "$.lagCommits")).isZero());
      assertThat((String) leader.read("/api/replication", "$.role")).isEqualTo("leader");
      assertThat((String) replica.read("/actuator/health/vecdbReplication", "$.status")).isEqualTo("UP");
      assertReplicaPageShowsTheLag(replicaApp, topic);
    }
  }

  /** The replica's page in a real browser (when Chromium is installed): its line gives the commit and the lag. */
  private void assertReplicaPageShowsTheLag(ConfigurableApplicationContext replicaApp, String topic)
      throws IOException {
    String missing = HeadlessChromium.missing();
    if (!missing.isEmpty()) {
      System.err.println("ReplicaModeTest: the replica's page is not checked in a browser: " + missing);
      return;
    }
    WebDriver browser = HeadlessChromium.open(Files.createDirectories(dir.resolve("browser")));
    try {
      browser.get("http://localhost:" + replicaApp.getEnvironment().getRequiredProperty("local.server.port") + "/");
      long commit = replicaApp.getBean(Database.class).commitNumber();
      new WebDriverWait(browser, WAIT).until(driver -> driver.findElement(By.id("replication")).isDisplayed()
          && "1500".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-tip")));
      assertThat(browser.findElement(By.id("replication")).getText())
          .isEqualTo("Read-only replica of topic " + topic + ": applied commit "
              + String.format(Locale.ROOT, "%,d", commit) + ", replication lag 0 commits (0.0 s)");
      assertThat(browser.findElement(By.id("latest")).getText()).startsWith("Latest block 1,500 at ");
      Files.write(Path.of("target", "page-replica.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.quit();
    }
  }
}

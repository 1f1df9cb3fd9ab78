package dev.vecdb.spring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real shutdown: {@link LifecycleApplication} runs in a child JVM, receives SIGTERM, and the database is opened
 * again afterwards to see what survived. Values written in {@code @PreDestroy} and by a request that was in flight
 * when the signal arrived must be there, with eager and with lazy initialization and with a user-defined database.
 */
class ShutdownTests {
  /** Only against a hang: the child's start and stop take about 8 s here, and CI may be 10 times slower. */
  private static final long TIMEOUT_SECONDS = 180;

  @TempDir
  Path dir;

  private Process child;
  private Thread reader;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> output = new ArrayList<>();

  @AfterEach
  void killLeftover() {
    if (child != null && child.isAlive()) {
      child.destroyForcibly();
    }
  }

  @Test
  void valuesWrittenInPreDestroySurviveSigterm() throws Exception {
    assertStartAndPreDestroyWritesSurviveSigterm();
  }

  @Test
  void lazyInitializationStillFlushesAndClosesAtSigterm() throws Exception {
    assertStartAndPreDestroyWritesSurviveSigterm("--spring.main.lazy-initialization=true");
  }

  @Test
  void aUserDefinedDatabaseIsFlushedAfterTheBeansThatUseIt() throws Exception {
    assertStartAndPreDestroyWritesSurviveSigterm("--lifecycle.user-database=true");
  }

  /** Runs the child with {@code args}, stops it with SIGTERM, and finds 1 (startup) and 2 (pre-destroy) stored. */
  private void assertStartAndPreDestroyWritesSurviveSigterm(String... args) throws Exception {
    start(args);
    awaitLine("ready");
    assertThat(stop()).doesNotContain("pre-destroy failed").contains("pre-destroy wrote 2");
    assertThat(storedPrices()).containsExactly(1, 2);
  }

  @Test
  void aRequestInFlightAtSigtermDrainsBeforeTheFinalFlush() throws Exception {
    start();
    String port = awaitLine("ready").substring("ready port=".length());
    CompletableFuture<HttpResponse<String>> response = HttpClient.newHttpClient().sendAsync(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slow"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    awaitLine("request in flight");
    String log = stop();
    assertThat(response.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).body()).isEqualTo("wrote 3");
    assertThat(log.indexOf("request wrote 3")).isPositive().isLessThan(log.indexOf("pre-destroy wrote 2"));
    assertThat(storedPrices()).containsExactly(1, 3, 2);
  }

  private void start(String... extra) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        LifecycleApplication.class.getName(), "--server.port=0", "--vecdb.path=" + dir,
        "--vecdb.vectors.prices.type=i64", "--spring.main.banner-mode=off"));
    command.addAll(List.of(extra));
    child = new ProcessBuilder(command).redirectErrorStream(true).start();
    reader = Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the child exited
      }
    });
  }

  /** Waits for the child's line {@code OUT + prefix...} and returns it without {@code OUT}. */
  private String awaitLine(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        output.add(line);
        int at = line.indexOf(LifecycleApplication.OUT + prefix);
        if (at >= 0) {
          return line.substring(at + LifecycleApplication.OUT.length());
        }
      } else if (!child.isAlive()) {
        break;
      }
    }
    throw new AssertionError("no line '" + prefix + "' from the child; its output:\n" + String.join("\n", output));
  }

  /** Sends SIGTERM, waits for the child to exit, and returns its whole output. */
  private String stop() throws InterruptedException {
    // SIGTERM through the handle: Process.destroy() would also close the pipe the child's shutdown log goes to
    child.toHandle().destroy();
    assertThat(child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("child exited").isTrue();
    reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    lines.drainTo(output);
    return String.join("\n", output);
  }

  private long[] storedPrices() {
    try (Database database = Database.open(dir)) {
      return database.longVec("prices", NumberType.I64, VecOptions.DEFAULT).collect();
    }
  }
}

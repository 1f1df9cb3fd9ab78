package dev.vecdb.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM running the random workload with SIGKILL at random moments, reopens the database and checks
 * every vector against the model replayed to the last completed flush (or to the flush in progress, which may have
 * committed just before the kill). CI runs {@value #DEFAULT_KILLS} kills; the long run is
 * {@code ./mvnw -pl vecdb-core test -Dtest=CrashHarnessTest -Dvecdb.crash.kills=500}.
 */
class CrashHarnessTest {
  private static final int DEFAULT_KILLS = 20;

  @TempDir Path tmp;

  @Test
  void everyKillReopensAtTheLastCompletedFlush() throws Exception {
    int kills = Integer.getInteger("vecdb.crash.kills", DEFAULT_KILLS);
    long baseSeed = Long.getLong("vecdb.crash.seed", 20261126L);
    SplittableRandom timing = new SplittableRandom(baseSeed);
    Path db = tmp.resolve("db");
    Model model = new Model();
    long totalFlushes = 0;
    long totalOperations = 0;
    int killedMidFlush = 0;
    long commits = 0;
    for (int k = 0; k < kills; k++) {
      long seed = baseSeed + k;
      Path log = tmp.resolve("log-" + k);
      runAndKill(db, log, seed, 30 + timing.nextInt(400));
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      long completed = lines.stream().filter(l -> l.startsWith("D ")).count();
      boolean inProgress = !lines.isEmpty() && lines.getLast().startsWith("B ");
      totalFlushes += completed;

      Workload replay = new Workload(seed);
      Model afterCompleted = model.copy();
      totalOperations += replay.run(afterCompleted, completed, NO_LISTENER);
      List<Model> candidates = new ArrayList<>(List.of(afterCompleted));
      if (inProgress) {
        killedMidFlush++;
        Model afterNext = afterCompleted.copy();
        replay.run(afterNext, 1, NO_LISTENER);
        candidates.add(afterNext);
      }
      int matched = matching(db, candidates, commits + completed, "kill " + k + " (seed " + seed + ", " + completed
          + " flushes" + (inProgress ? " + 1 in progress" : "") + ")");
      model = candidates.get(matched);
      commits += completed + matched;
      model.crash();
    }
    System.out.printf("crash harness: %d kills (%d during a flush), %d completed flushes, %d operations verified,"
        + " 0 mismatches%n", kills, killedMidFlush, totalFlushes, totalOperations);
    assertThat(totalFlushes).as("flushes completed across %d kills (the workload made progress)", kills)
        .isPositive();
  }

  private static final Workload.FlushListener NO_LISTENER = new Workload.FlushListener() {
    @Override
    public void flushing(long stamp) {}

    @Override
    public void flushed(long stamp) {}
  };

  private static void runAndKill(Path db, Path log, long seed, long lifetimeMillis) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), db.toString(), log.toString(),
        Long.toString(seed))
        .redirectErrorStream(true)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String first = out.readLine();
      if (!"READY".equals(first)) {
        child.destroyForcibly();
        fail("crash child did not start: " + first + "\n" + drain(out));
      }
      if (child.waitFor(lifetimeMillis, TimeUnit.MILLISECONDS)) {
        fail("crash child exited by itself with " + child.exitValue() + ":\n" + drain(out));
      }
      child.destroyForcibly();
      child.waitFor();
    }
  }

  private static String drain(BufferedReader out) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /**
   * Opens the database and returns the index of the candidate it equals, candidate {@code i} being the state after
   * {@code i} flushes past the {@code commits}-th (every stamped flush changes something, so it takes the next commit
   * number); fails with the differences otherwise.
   */
  private static int matching(Path db, List<Model> candidates, long commits, String what) {
    try (RealTarget real = new RealTarget(db)) {
      List<String> mismatches = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        String difference = real.commitNumber() != commits + i
            ? "commit number " + real.commitNumber() + " != " + (commits + i)
            : difference(real, candidates.get(i));
        if (difference == null) {
          return i;
        }
        mismatches.add(difference);
      }
      throw new AssertionError("after " + what + " the database matches no model state: " + mismatches);
    }
  }

  private static String difference(RealTarget real, Model model) {
    if (real.stamp() != model.durableStamp()) {
      return "stamp " + real.stamp() + " != " + model.durableStamp();
    }
    Model.State[] expected = model.durable();
    for (int v = 0; v < Target.VECTORS; v++) {
      Model.State state = expected[v];
      if (real.len(v) != state.values().size()) {
        return "vector " + v + " length " + real.len(v) + " != " + state.values().size();
      }
      long[] holes = real.holes(v);
      if (!java.util.Arrays.equals(holes, state.holes().stream().mapToLong(Long::longValue).toArray())) {
        return "vector " + v + " holes " + java.util.Arrays.toString(holes) + " != " + state.holes();
      }
      for (int i = 0; i < state.values().size(); i++) {
        if (!state.holes().contains((long) i) && real.get(v, i) != state.values().get(i)) {
          return "vector " + v + " index " + i + ": " + real.get(v, i) + " != " + state.values().get(i);
        }
      }
    }
    return null;
  }
}

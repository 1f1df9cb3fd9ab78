package dev.vecdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Commit;
import dev.vecdb.Database;
import dev.vecdb.Replica;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes killed with {@code SIGKILL} (child JVMs running {@link ReplicationChild}): a follower killed while it
 * applies resumes at exactly the next commit, a leader killed between its commits and their acknowledgement ships
 * every commit once, with neither a gap nor a duplicate in the topic.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KillTest {
  /** Leader kills before the test gives up on hitting both states; a miss is a few per cent of kills. */
  private static final int MAX_LEADER_KILLS = 8;
  /** Follower kills before the test gives up on two landing while it applies. */
  private static final int MAX_FOLLOWER_KILLS = 6;

  @TempDir Path tmp;

  /** Starts a child JVM running {@link ReplicationChild} with {@code args}. */
  private static Process start(String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), ReplicationChild.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Reads the child's lines until one satisfies {@code until}, then kills it with SIGKILL; returns that line. */
  private static String killWhen(Process child, Predicate<String> until) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        assertThat(line).as("the child stopped by itself").doesNotStartWith("stopped");
        if (until.test(line)) {
          return line;
        }
      }
      throw new AssertionError("the child ended before the kill (exit " + child.waitFor() + ")");
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
  }

  private static long number(String line, int field) {
    return Long.parseLong(line.split(" ")[field]);
  }

  /**
   * Two kills land while the follower applies, at a third and at two thirds of the leader's commits. A kill lands a
   * few milliseconds after the child reports the commit it aims at, and the follower may apply every remaining commit
   * in between; then the leader makes more commits and the kills go on (at most {@value #MAX_FOLLOWER_KILLS}) until
   * two have landed before the last commit. Every kill's outcome is checked.
   */
  @Test
  void aFollowerKilledWhileApplyingResumesAtExactlyTheNextCommit() throws Exception {
    String topic = EmbeddedBroker.newTopic("kill-follower");
    Path followerDir = tmp.resolve("follower");
    try (Database leader = Database.open(tmp.resolve("leader"), ReplicationTest.LEADER);
        CommitPublisher publisher = CommitPublisher.start(leader,
            ReplicationTest.publisherOptions(topic, "kill-follower"))) {
      Workload workload = new Workload(leader, 21);
      long applied = 0;
      int whileApplying = 0;
      for (int kill = 1; kill <= MAX_FOLLOWER_KILLS && whileApplying < 2; kill++) {
        if (applied == leader.commitNumber()) {
          workload.run(2500);
        }
        long last = leader.commitNumber();
        long target = Math.max(applied + 1, applied + (last - applied) / (3 - whileApplying));
        String line = killWhen(start("follower", EmbeddedBroker.bootstrapServers(), topic, followerDir.toString()),
            l -> number(l, 1) >= target);
        try (Replica replica = Replica.open(followerDir)) {
          applied = replica.database().commitNumber();
          assertThat(applied).as("kill %d: every commit reported applied is durable", kill)
              .isGreaterThanOrEqualTo(number(line, 1)).isLessThanOrEqualTo(last);
        }
        whileApplying += applied < last ? 1 : 0;
      }
      assertThat(whileApplying).as("kills that landed before the follower applied the last commit").isEqualTo(2);
      long last = leader.commitNumber();
      try (Replica replica = Replica.open(followerDir)) {
        long resumedAt = replica.database().commitNumber();
        try (CommitFollower follower = CommitFollower.start(replica, ReplicationTest.followerOptions(topic, null))) {
          ReplicationTest.awaitApplied(follower, last);
          assertThat(follower.status().commits()).as("resumed at exactly the next commit").isEqualTo(last - resumedAt);
        }
        Workload.assertSame(leader, replica.database());
      }
    }
  }

  /**
   * Odd kills hit the leader while a commit is made but not shipped, even ones once everything is shipped but before
   * the next commit makes the last acknowledgement durable. A kill lands a few milliseconds after the child reports
   * the state it aims at, and the publisher may ship in between, so the kills go on (at most
   * {@value #MAX_LEADER_KILLS}) until each state has been hit at least once; every kill's outcome is checked.
   */
  @Test
  void aLeaderKilledBetweenCommitAndAcknowledgementShipsEveryCommitOnce() throws Exception {
    String topic = EmbeddedBroker.newTopic("kill-leader");
    Path leaderDir = tmp.resolve("leader");
    boolean shippedButPending = false;
    boolean committedButNotShipped = false;
    for (int round = 1; round <= MAX_LEADER_KILLS && !(shippedButPending && committedButNotShipped); round++) {
      long target = 15L * round;
      boolean unshipped = round % 2 == 1;
      killWhen(start("leader", EmbeddedBroker.bootstrapServers(), topic, leaderDir.toString(), Integer.toString(round)),
          l -> number(l, 1) >= target && (number(l, 2) > number(l, 1)) == unshipped);
      long head = TestBroker.parts(topic).getLast().part().commit();
      try (Database leader = Database.open(leaderDir, ReplicationTest.LEADER)) {
        List<Commit> pending = leader.outbox().pending();
        assertThat(head).as("the topic holds no commit the database lacks").isLessThanOrEqualTo(leader.commitNumber());
        assertThat(pending).as("everything not in the topic is still pending").isNotEmpty()
            .first().satisfies(c -> assertThat(c.number()).isLessThanOrEqualTo(head + 1));
        shippedButPending |= pending.getFirst().number() <= head;
        committedButNotShipped |= leader.commitNumber() > head;
      }
    }
    assertThat(shippedButPending).as("a kill left shipped commits unacknowledged").isTrue();
    assertThat(committedButNotShipped).as("a kill left committed commits unshipped").isTrue();
    try (Database leader = Database.open(leaderDir, ReplicationTest.LEADER);
        CommitPublisher publisher = CommitPublisher.start(leader, ReplicationTest.publisherOptions(topic, topic));
        Replica replica = Replica.open(tmp.resolve("follower"));
        CommitFollower follower = CommitFollower.start(replica, ReplicationTest.followerOptions(topic, null))) {
      new Workload(leader, 99).run(100);
      ReplicationTest.awaitApplied(follower, leader.commitNumber());
      Workload.assertSame(leader, replica.database());
      assertThat(TransportBrokerTest.commitsIn(topic)).as("every commit once, no gap, no duplicate")
          .isEqualTo(LongStream.rangeClosed(1, leader.commitNumber()).boxed().toList());
    }
  }
}

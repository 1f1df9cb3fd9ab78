package dev.vecdb.kafka;

import dev.vecdb.Database;
import dev.vecdb.Replica;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process that {@link KillTest} kills: {@code follower <bootstrap> <topic> <dir>} follows the topic into the
 * replica in {@code dir}, printing {@code applied <n>} whenever its commit number moves; {@code leader <bootstrap>
 * <topic> <dir> <seed>} runs the workload on the leader in {@code dir} with a publisher (a commit, then 30 ms
 * without one), printing {@code shipped <n>
 * <committed>} whenever the publisher ships. Both run until they are killed.
 */
public final class ReplicationChild {
  private ReplicationChild() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", args[1]);
    String topic = args[2];
    Path dir = Path.of(args[3]);
    if (args[0].equals("follower")) {
      try (Replica replica = Replica.open(dir);
          CommitFollower follower = CommitFollower.start(replica, FollowerOptions.of(topic, client))) {
        report(() -> "applied " + follower.status().commit(), () -> follower.status().state());
      }
    } else {
      try (Database leader = Database.open(dir, ReplicationTest.LEADER);
          CommitPublisher publisher = CommitPublisher.start(leader,
              PublisherOptions.of(topic, topic, client).withMaxRecordBytes(16 * 1024))) {
        Workload workload = new Workload(leader, Long.parseLong(args[4]));
        Thread.ofPlatform().daemon().start(() -> report(() -> "shipped " + publisher.status().commit() + " "
            + leader.commitNumber(), () -> publisher.status().state()));
        while (publisher.status().state() == ReplicationState.RUNNING) {
          workload.run(20);
          Thread.sleep(30);
        }
      }
    }
  }

  /** Prints {@code line} whenever it changes, until {@code state} is no longer running. */
  private static void report(java.util.function.Supplier<String> line,
      java.util.function.Supplier<ReplicationState> state) {
    String last = "";
    while (state.get() == ReplicationState.RUNNING) {
      String now = line.get();
      if (!now.equals(last)) {
        System.out.println(now);
        System.out.flush();
        last = now;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
    System.out.println("stopped " + state.get());
  }
}

package dev.vecdb.spring.replication;

import dev.vecdb.kafka.ReplicationStatus;

/**
 * This application's part in the replication of its database through Kafka, as the health indicator, the meters and
 * the application see it: the leader's {@link ReplicationLeader} or the follower's {@link ReplicationFollower}.
 * Implementations are thread-safe.
 */
public interface Replication {
  /** Leader or follower. */
  ReplicationRole role();

  /** The database's topic. */
  String topic();

  /**
   * The publisher's or follower's state, last commit, counters and lag, at this moment; before it started and after it
   * stopped, the state is {@code CLOSED}.
   */
  ReplicationStatus status();
}

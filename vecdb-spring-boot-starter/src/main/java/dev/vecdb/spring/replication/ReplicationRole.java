package dev.vecdb.spring.replication;

/** What an application does in the replication of its database through Kafka ({@code vecdb.replication.role}). */
public enum ReplicationRole {
  /** No replication: the database is opened as usual and nothing is published or consumed. */
  NONE,
  /** The single writer: every commit is recorded in the database's outbox and published to the topic. */
  LEADER,
  /** A read replica: the database is read-only to the application and follows the commits of the topic. */
  FOLLOWER
}

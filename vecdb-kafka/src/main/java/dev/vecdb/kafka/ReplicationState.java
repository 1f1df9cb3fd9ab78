package dev.vecdb.kafka;

/** Where a {@link CommitPublisher} or {@link CommitFollower} is in its life. */
public enum ReplicationState {
  /** Started and shipping (publisher) or applying (follower) commits, or waiting for the next one. */
  RUNNING,
  /** Stopped by a failure it cannot get past; {@link ReplicationStatus#failure()} says which. */
  FAILED,
  /** Stopped by {@code close()}. */
  CLOSED
}

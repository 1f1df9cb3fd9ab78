package dev.vecdb.kafka;

/**
 * The follower's side of a {@link CommitFollower}: a database that applies the leader's commits in order, each
 * stored atomically with its number. Used by the follower's thread alone.
 */
interface CommitSink {
  /** The database, for messages. */
  String name();

  /** The number of the last commit applied. */
  long commitNumber();

  /**
   * Applies {@code commit}, the one after {@link #commitNumber()}.
   *
   * @return false if it was applied already (its number is not above {@link #commitNumber()})
   * @throws dev.vecdb.VecdbException if commits are missing before it or its payload is damaged; nothing is applied
   */
  boolean apply(ShippedCommit commit);
}

package dev.vecdb.kafka;

/**
 * What a {@link CommitPublisher} or a {@link CommitFollower} reports about itself at one moment, for health checks
 * and meters: a status at commit {@code n} counts that commit in {@code commits} and {@code bytes}. Immutable.
 *
 * @param state running, failed or closed
 * @param failure why it failed (null unless {@link ReplicationState#FAILED})
 * @param commit the last commit shipped to the topic (publisher) or applied to the database (follower)
 * @param commits how many commits it shipped or applied since it started
 * @param bytes how many payload bytes it shipped or applied since it started
 * @param lagCommits how many commits it knows of that are not shipped yet (publisher: committed in the database;
 *     follower: held by the topic) — 0 when it is caught up
 * @param lagMillis how long the oldest of those has been waiting, by the leader's clock at commit time (0 when caught
 *     up); a follower that has not yet read the commits it lags behind reports the age of the newest one it knows of
 */
public record ReplicationStatus(ReplicationState state, Throwable failure, long commit, long commits, long bytes,
    long lagCommits, long lagMillis) {
  /**
   * The status with {@code lagMillis} measured now from {@code waitingSince}, the leader's commit time of the oldest
   * commit waiting (0 when unknown); the lag in milliseconds is 0 when there is no lag in commits.
   */
  static ReplicationStatus of(ReplicationState state, Throwable failure, long commit, long commits, long bytes,
      long lagCommits, long waitingSince) {
    long lagMillis = lagCommits <= 0 || waitingSince == 0 ? 0
        : Math.max(0, System.currentTimeMillis() - waitingSince);
    return new ReplicationStatus(state, failure, commit, commits, bytes, Math.max(0, lagCommits), lagMillis);
  }
}

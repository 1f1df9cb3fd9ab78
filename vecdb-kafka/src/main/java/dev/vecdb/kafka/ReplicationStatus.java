package dev.vecdb.kafka;

/**
 * What a {@link CommitPublisher} or a {@link CommitFollower} reports about itself at one moment, for health checks
 * and meters. Immutable.
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
}

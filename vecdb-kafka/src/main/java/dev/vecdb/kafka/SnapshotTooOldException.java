package dev.vecdb.kafka;

/**
 * A follower cannot continue from its database because the topic no longer holds the next commit it needs: the
 * broker's retention removed it (or it was never published to this topic). The follower stops; it must be
 * bootstrapped again from a newer snapshot of the leader. The message reads
 * {@code snapshot too old: <database> is at commit <applied>, the next commit it needs is <applied + 1>, but the
 * oldest commit topic <topic> still holds is <oldest>}.
 */
public class SnapshotTooOldException extends ReplicationException {
  private static final long serialVersionUID = 1L;

  private final long applied;
  private final long oldestAvailable;

  /**
   * @param database the follower's database directory, for the message
   * @param topic the topic, for the message
   * @param applied the follower's commit number
   * @param oldestAvailable the oldest commit number the topic still holds ({@code > applied + 1})
   */
  public SnapshotTooOldException(String database, String topic, long applied, long oldestAvailable) {
    super("snapshot too old: " + database + " is at commit " + applied + ", the next commit it needs is "
        + (applied + 1) + ", but the oldest commit topic " + topic + " still holds is " + oldestAvailable
        + "; bootstrap this follower again from a newer snapshot of the leader");
    this.applied = applied;
    this.oldestAvailable = oldestAvailable;
  }

  /** The follower's commit number when it stopped. */
  public long applied() {
    return applied;
  }

  /** The oldest commit number the topic still held. */
  public long oldestAvailable() {
    return oldestAvailable;
  }
}

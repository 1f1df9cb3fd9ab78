package dev.vecdb.kafka;

import dev.vecdb.VecdbException;

/**
 * Replication through Kafka failed: the topic holds something a publisher or follower cannot accept (a record that
 * is not a vecdb commit part, a commit whose parts do not add up, a topic that disagrees with the database), or the
 * Kafka client failed for good. The message names the topic, the database and, where there is one, the record
 * (partition and offset) and the commit numbers involved.
 */
public class ReplicationException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   */
  public ReplicationException(String message) {
    super(message);
  }

  /**
   * @param message what failed and why
   * @param cause the underlying failure
   */
  public ReplicationException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.vecdb.kafka;

import java.nio.ByteBuffer;

/**
 * Puts commits back together from the records of the topic, read in offset order. Parts of one commit are
 * consecutive in the partition (one producer sends them in one transaction, and a {@code read_committed} consumer
 * never sees an aborted transaction), so anything else — a part out of order, a new commit before the previous one
 * is complete, sizes that do not add up, a wrong checksum — is a broken topic and fails with a
 * {@link ReplicationException} naming the record. Not thread-safe: one consuming thread.
 */
final class CommitAssembler {
  private final String topic;
  private PartHeader current;
  private byte[] buffer;
  private int filled;

  CommitAssembler(String topic) {
    this.topic = topic;
  }

  /**
   * Adds the record at {@code offset} with header {@code part} and value {@code value}.
   *
   * @return the commit it completes, or null while parts are missing
   * @throws ReplicationException if the record does not continue the commit being assembled (or start one), or
   *     completes a commit whose size or checksum is wrong
   */
  ShippedCommit add(long offset, PartHeader part, byte[] value) {
    if (current == null ? part.index() != 0 : !continues(part)) {
      throw broken(offset, part, current == null ? "expected the first part of a commit"
          : "expected part " + (current.index() + 1) + " of " + current.count() + " of commit " + current.commit());
    }
    if (part.index() == 0) {
      buffer = new byte[part.commitSize()];
      filled = 0;
    }
    if (value.length > buffer.length - filled) {
      throw broken(offset, part, "its parts hold more than the commit's " + part.commitSize() + " bytes");
    }
    System.arraycopy(value, 0, buffer, filled, value.length);
    filled += value.length;
    current = part;
    if (!part.isLast()) {
      return null;
    }
    current = null;
    if (filled != buffer.length) {
      throw broken(offset, part, "its parts hold " + filled + " of the commit's " + buffer.length + " bytes");
    }
    ShippedCommit commit = new ShippedCommit(part.commit(), part.committedAtMillis(),
        ByteBuffer.wrap(buffer).asReadOnlyBuffer());
    if (commit.checksum() != part.checksum()) {
      throw broken(offset, part, "the reassembled payload's CRC-32C is " + Integer.toHexString(commit.checksum())
          + ", the header says " + Integer.toHexString(part.checksum()));
    }
    return commit;
  }

  /** Forgets a commit half assembled: the next record read must start a commit (after the consumer moved). */
  void reset() {
    current = null;
    buffer = null;
  }

  private boolean continues(PartHeader part) {
    return part.commit() == current.commit() && part.index() == current.index() + 1 && part.count() == current.count()
        && part.commitSize() == current.commitSize() && part.checksum() == current.checksum()
        && part.committedAtMillis() == current.committedAtMillis();
  }

  private ReplicationException broken(long offset, PartHeader part, String expected) {
    current = null;
    return new ReplicationException("topic " + topic + " partition " + CommitSplitter.PARTITION + " offset " + offset
        + " holds part " + part.index() + " of " + part.count() + " of commit " + part.commit() + ": " + expected);
  }
}

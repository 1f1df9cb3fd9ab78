package dev.vecdb.kafka;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A commit as the transport sees it: its number, when the leader made it, and its payload (the encoded changes,
 * opaque here).
 *
 * @param number the commit number
 * @param committedAtMillis the leader's wall clock when the commit completed
 * @param payload the commit's payload, from its position to its limit (never moved by the transport)
 */
record ShippedCommit(long number, long committedAtMillis, ByteBuffer payload) {
  /** The payload's size in bytes. */
  int size() {
    return payload.remaining();
  }

  /** The CRC-32C of the payload, as the records' {@link PartHeader#checksum()} carries it. */
  int checksum() {
    CRC32C crc = new CRC32C();
    crc.update(payload.duplicate());
    return (int) crc.getValue();
  }
}

package dev.vecdb.kafka;

import java.nio.ByteBuffer;

/**
 * A commit as it came out of the topic, reassembled from its parts and checked against its CRC-32C.
 *
 * @param number the commit number
 * @param committedAtMillis the leader's wall clock when the commit completed
 * @param payload the commit's payload (read-only, position 0)
 */
record ShippedCommit(long number, long committedAtMillis, ByteBuffer payload) {
}

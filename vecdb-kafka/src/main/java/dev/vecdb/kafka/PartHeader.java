package dev.vecdb.kafka;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What every record of the replication topic carries in its Kafka headers: which part of which commit its value is.
 * A commit is shipped as {@code count} records (parts {@code 0 .. count - 1}, consecutive in the partition, inside one
 * Kafka transaction) whose values, concatenated, are the commit's payload of {@code commitSize} bytes, whose CRC-32C
 * is {@code checksum}.
 *
 * <p>The wire form: each header value is big-endian, 8 bytes for the {@code long}s and 4 for the {@code int}s, under
 * the names of the constants below. A record missing one of them, or with one of the wrong length, is not a vecdb
 * commit part and fails {@link #read} with a {@link ReplicationException}.
 *
 * @param commit the commit number (1 or more)
 * @param index this part's index, {@code 0 <= index < count}
 * @param count how many parts the commit has (1 or more)
 * @param committedAtMillis the leader's wall clock when the commit completed (milliseconds since the epoch)
 * @param commitSize the whole payload's size in bytes
 * @param checksum the CRC-32C of the whole payload
 */
public record PartHeader(long commit, int index, int count, long committedAtMillis, int commitSize, int checksum) {
  /** Header name of {@link #commit()}. */
  public static final String COMMIT = "vecdb.commit";
  /** Header name of {@link #index()}. */
  public static final String PART = "vecdb.part";
  /** Header name of {@link #count()}. */
  public static final String PARTS = "vecdb.parts";
  /** Header name of {@link #committedAtMillis()}. */
  public static final String COMMITTED_AT = "vecdb.committed-at";
  /** Header name of {@link #commitSize()}. */
  public static final String SIZE = "vecdb.size";
  /** Header name of {@link #checksum()}. */
  public static final String CHECKSUM = "vecdb.crc32c";

  /**
   * @throws IllegalArgumentException if a field is out of its range
   */
  public PartHeader {
    if (commit < 1 || count < 1 || index < 0 || index >= count || commitSize < 0) {
      throw new IllegalArgumentException("invalid commit part: part " + index + " of " + count + " of commit " + commit
          + " (" + commitSize + " bytes)");
    }
  }

  /** Whether this is the commit's last part. */
  public boolean isLast() {
    return index == count - 1;
  }

  /** Adds this part's headers to {@code headers}. */
  public void write(Headers headers) {
    headers.add(COMMIT, ByteBuffer.allocate(Long.BYTES).putLong(0, commit).array());
    headers.add(PART, ByteBuffer.allocate(Integer.BYTES).putInt(0, index).array());
    headers.add(PARTS, ByteBuffer.allocate(Integer.BYTES).putInt(0, count).array());
    headers.add(COMMITTED_AT, ByteBuffer.allocate(Long.BYTES).putLong(0, committedAtMillis).array());
    headers.add(SIZE, ByteBuffer.allocate(Integer.BYTES).putInt(0, commitSize).array());
    headers.add(CHECKSUM, ByteBuffer.allocate(Integer.BYTES).putInt(0, checksum).array());
  }

  /**
   * Reads the headers of the record at {@code where} (a description such as "topic t partition 0 offset 12", for
   * messages).
   *
   * @throws ReplicationException if a header is missing, has the wrong length or a value out of its range
   */
  public static PartHeader read(Headers headers, String where) {
    try {
      return new PartHeader(value(headers, COMMIT, Long.BYTES, where).getLong(),
          value(headers, PART, Integer.BYTES, where).getInt(), value(headers, PARTS, Integer.BYTES, where).getInt(),
          value(headers, COMMITTED_AT, Long.BYTES, where).getLong(),
          value(headers, SIZE, Integer.BYTES, where).getInt(), value(headers, CHECKSUM, Integer.BYTES, where).getInt());
    } catch (IllegalArgumentException e) {
      throw new ReplicationException("the record at " + where + " is not a vecdb commit part: " + e.getMessage(), e);
    }
  }

  private static ByteBuffer value(Headers headers, String name, int length, String where) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null || header.value().length != length) {
      throw new ReplicationException("the record at " + where + " is not a vecdb commit part: header " + name
          + (header == null || header.value() == null ? " is missing" : " has " + header.value().length
          + " bytes instead of " + length));
    }
    return ByteBuffer.wrap(header.value());
  }
}

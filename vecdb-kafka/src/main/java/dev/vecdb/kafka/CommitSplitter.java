package dev.vecdb.kafka;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Cuts a commit's payload into the records that ship it: parts of at most {@code maxRecordBytes} bytes each, in
 * order, every one carrying the commit's {@link PartHeader} with its own index. Stateless and thread-safe.
 */
final class CommitSplitter {
  /** The partition every commit goes to: one partition per database keeps the commits in total order. */
  static final int PARTITION = 0;

  private final String topic;
  private final int maxRecordBytes;

  /**
   * @throws IllegalArgumentException if {@code maxRecordBytes < 1}
   */
  CommitSplitter(String topic, int maxRecordBytes) {
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
    }
    this.topic = topic;
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * The records of {@code commit}; an empty payload still makes one (empty) record. The payload is left unchanged.
   */
  List<ProducerRecord<byte[], byte[]>> split(ShippedCommit commit) {
    ByteBuffer bytes = commit.payload().duplicate();
    int size = bytes.remaining();
    int checksum = commit.checksum();
    int count = Math.max(1, (int) ((size + (long) maxRecordBytes - 1) / maxRecordBytes));
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
    for (int index = 0; index < count; index++) {
      byte[] value = new byte[Math.min(maxRecordBytes, bytes.remaining())];
      bytes.get(value);
      ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, PARTITION, null, value);
      new PartHeader(commit.number(), index, count, commit.committedAtMillis(), size, checksum).write(record.headers());
      records.add(record);
    }
    return records;
  }
}

package dev.vecdb.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Random access to the replication partition through a {@code read_committed} consumer assigned to it (no consumer
 * group rebalancing): the first visible record at or after an offset, the last visible record, the bounds. It
 * moves the consumer's position; the owner seeks where it wants to read next. Not thread-safe: the consumer's thread.
 */
final class PartitionReader {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<byte[], byte[]> consumer;
  private final TopicPartition partition;
  private final Duration timeout;

  /**
   * @param consumer a consumer already assigned to {@code partition} alone, reading {@code read_committed}
   * @param timeout how long one look-up may wait for the broker before it fails
   */
  PartitionReader(Consumer<byte[], byte[]> consumer, TopicPartition partition, Duration timeout) {
    this.consumer = consumer;
    this.partition = partition;
    this.timeout = timeout;
  }

  /**
   * A consumer for {@code topic} partition 0 made from the consumer settings among {@code properties}, forced to read
   * committed transactions only, with byte-array values, no automatic offset commits and no automatic reset (a
   * follower decides where it reads).
   */
  static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> properties, String topic) {
    Properties config = new Properties();
    properties.forEach((name, value) -> {
      if (ConsumerConfig.configNames().contains(name)) {
        config.put(name, value);
      }
    });
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
    consumer.assign(List.of(new TopicPartition(topic, CommitSplitter.PARTITION)));
    return consumer;
  }

  /** The partition's first offset (retention moves it up). */
  long start() {
    return consumer.beginningOffsets(List.of(partition), timeout).get(partition);
  }

  /** The partition's last stable offset: the end of what a {@code read_committed} consumer may read. */
  long end() {
    return consumer.endOffsets(List.of(partition), timeout).get(partition);
  }

  /** Where {@code record} sits, for messages. */
  static String where(ConsumerRecord<?, ?> record) {
    return "topic " + record.topic() + " partition " + record.partition() + " offset " + record.offset();
  }

  /**
   * The first visible record at or after {@code offset} and below {@code end}, or null if there is none.
   *
   * @throws ReplicationException if the broker does not answer within the timeout, or the record is not a commit part
   */
  OffsetSearch.Located firstAtOrAfter(long offset, long end) {
    OffsetSearch.Located[] first = new OffsetSearch.Located[1];
    scan(offset, end, found -> {
      first[0] = found;
      return false;
    });
    return first[0];
  }

  /**
   * The last visible record below {@code end}, or null if the partition holds none from {@code start} on. Reads
   * backwards in windows that double, since the tail may be transaction markers and aborted records.
   */
  OffsetSearch.Located lastBefore(long start, long end) {
    long high = end;
    for (long window = 64; high > start; window *= 2) {
      long low = Math.max(start, high - window);
      OffsetSearch.Located[] last = new OffsetSearch.Located[1];
      scan(low, high, found -> {
        last[0] = found;
        return true;
      });
      if (last[0] != null) {
        return last[0];
      }
      high = low;
    }
    return null;
  }

  /**
   * Reads the visible records of {@code [from, end)} in order, handing each to {@code visitor} while it returns true.
   *
   * @throws ReplicationException if the broker does not answer within the timeout, or a record is not a commit part
   */
  private void scan(long from, long end, Predicate<OffsetSearch.Located> visitor) {
    consumer.seek(partition, from);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (consumer.position(partition, timeout) < end) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
        if (record.offset() >= end) {
          return;
        }
        PartHeader part = PartHeader.read(record.headers(), where(record));
        if (!visitor.test(new OffsetSearch.Located(record.offset(), part))) {
          return;
        }
        deadline = System.nanoTime() + timeout.toNanos();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ReplicationException("topic " + partition.topic() + " partition " + partition.partition()
            + ": nothing was read from offset " + consumer.position(partition, timeout) + " towards " + end
            + " within " + timeout);
      }
    }
  }
}

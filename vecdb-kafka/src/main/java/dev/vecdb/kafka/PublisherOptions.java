package dev.vecdb.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link CommitPublisher} ships a database's commits. Immutable; the {@code with} methods return modified
 * copies.
 *
 * @param topic the database's topic; the publisher writes its partition 0 alone (create it with one partition)
 * @param transactionalId the producer's {@code transactional.id}: the same for every leader of this database, so that
 *     a new leader fences the old one (give each database its own)
 * @param properties Kafka client settings ({@code bootstrap.servers}, security, producer tuning); the producer takes
 *     the producer settings among them and the publisher's topic reader the consumer settings. The publisher sets
 *     {@code transactional.id}, {@code enable.idempotence=true}, {@code acks=all}, byte-array serializers and, unless
 *     given, {@code max.request.size} to {@code maxRecordBytes} plus 64 KiB
 * @param maxRecordBytes the largest record value; a larger commit is split into parts of at most this size (default
 *     {@link #DEFAULT_MAX_RECORD_BYTES}, below the broker's default {@code max.message.bytes} of about 1 MB)
 * @param maxCommitsPerTransaction how many commits one Kafka transaction may carry when several are waiting (each
 *     commit is always whole inside one transaction; default 256)
 * @param timeout how long reading the topic's last commit at start may wait for the broker (default 60 s)
 */
public record PublisherOptions(String topic, String transactionalId, Map<String, Object> properties,
    int maxRecordBytes, int maxCommitsPerTransaction, Duration timeout) {
  /** Default {@link #maxRecordBytes()}: 960 KiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 960 * 1024;

  /**
   * @throws IllegalArgumentException if a size is not positive
   */
  public PublisherOptions {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(transactionalId, "transactionalId");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(timeout, "timeout");
    if (maxRecordBytes < 1 || maxCommitsPerTransaction < 1) {
      throw new IllegalArgumentException("maxRecordBytes (" + maxRecordBytes + ") and maxCommitsPerTransaction ("
          + maxCommitsPerTransaction + ") must be positive");
    }
  }

  /** Options with the defaults for everything but the topic, transactional id and client settings. */
  public static PublisherOptions of(String topic, String transactionalId, Map<String, Object> properties) {
    return new PublisherOptions(topic, transactionalId, properties, DEFAULT_MAX_RECORD_BYTES, 256,
        Duration.ofSeconds(60));
  }

  /** A copy with {@link #maxRecordBytes()} set. */
  public PublisherOptions withMaxRecordBytes(int bytes) {
    return new PublisherOptions(topic, transactionalId, properties, bytes, maxCommitsPerTransaction, timeout);
  }

  /** A copy with {@link #maxCommitsPerTransaction()} set. */
  public PublisherOptions withMaxCommitsPerTransaction(int commits) {
    return new PublisherOptions(topic, transactionalId, properties, maxRecordBytes, commits, timeout);
  }

  /** A copy with {@link #timeout()} set. */
  public PublisherOptions withTimeout(Duration newTimeout) {
    return new PublisherOptions(topic, transactionalId, properties, maxRecordBytes, maxCommitsPerTransaction,
        newTimeout);
  }
}

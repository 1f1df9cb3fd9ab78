package dev.vecdb.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** This module's tests' view of the {@link EmbeddedBroker}: client settings and the parts a topic holds. */
final class TestBroker {
  private TestBroker() {}

  /** Client settings that reach the broker. */
  static Map<String, Object> client() {
    return Map.of("bootstrap.servers", EmbeddedBroker.bootstrapServers());
  }

  /** Every committed record's header and offset in {@code topic}, in order. */
  static List<OffsetSearch.Located> parts(String topic) {
    List<OffsetSearch.Located> parts = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = PartitionReader.consumer(client(), topic)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          parts.add(new OffsetSearch.Located(record.offset(), PartHeader.read(record.headers(), "test")));
        }
      }
    }
    return parts;
  }
}

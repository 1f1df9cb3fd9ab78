package dev.vecdb.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real single-node KRaft broker for every test class of this JVM (started on first use, stopped when the JVM
 * exits), on a fixed port so that clients find it again after {@link #restart()}.
 *
 * <p>{@code EmbeddedKafkaKraftBroker} 4.1.2 was built against Kafka 4.2, whose test kit had
 * {@code clientProperties()}; with Kafka 4.3.1 its {@code getBrokersAsString()} is overridden to ask the 4.3 test kit
 * for the bootstrap servers instead.
 */
final class TestBroker {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static EmbeddedKafkaKraftBroker broker;

  private TestBroker() {
  }

  private static synchronized EmbeddedKafkaKraftBroker broker() {
    if (broker == null) {
      EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1) {
        @Override
        public String getBrokersAsString() {
          return getCluster().bootstrapServers();
        }
      };
      started.kafkaPorts(freePort());
      started.brokerProperty("offsets.topic.num.partitions", "1");
      started.brokerProperty("offsets.topic.replication.factor", "1");
      started.brokerProperty("transaction.state.log.replication.factor", "1");
      started.brokerProperty("transaction.state.log.min.isr", "1");
      started.brokerProperty("transaction.state.log.num.partitions", "1");
      started.brokerProperty("group.initial.rebalance.delay.ms", "0");
      started.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
      broker = started;
    }
    return broker;
  }

  /** The bootstrap servers. */
  static String bootstrap() {
    return broker().getBrokersAsString();
  }

  /** Client settings that reach the broker. */
  static Map<String, Object> client() {
    return Map.of("bootstrap.servers", bootstrap());
  }

  /** A new topic with one partition, named after {@code prefix}. */
  static String newTopic(String prefix) {
    String topic = prefix + "-" + TOPICS.incrementAndGet();
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("creating topic " + topic, e);
    }
    return topic;
  }

  /** Stops the broker and starts it again on the same port with the same log: what clients see of a restart. */
  static void restart() {
    BrokerServer server = broker().getCluster().brokers().values().iterator().next();
    server.shutdown();
    server.awaitShutdown();
    server.startup();
  }

  /** Deletes the records of {@code topic} below {@code offset}, as retention would. */
  static void deleteRecordsBefore(String topic, long offset) {
    try (Admin admin = admin()) {
      admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(offset))).all().get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("deleting records of " + topic, e);
    }
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

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

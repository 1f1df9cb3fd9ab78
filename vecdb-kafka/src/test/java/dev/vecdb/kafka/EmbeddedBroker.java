package dev.vecdb.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real single-node KRaft broker for every test class of this JVM (started on first use, stopped when the JVM
 * exits), on a fixed port so that clients find it again after {@link #restart()}, and new one-partition topics on it.
 * Shared through this module's test-jar with the starter's and the sample's tests.
 *
 * <p>{@code EmbeddedKafkaKraftBroker} 4.1.2 was built against Kafka 4.2, whose test kit had
 * {@code clientProperties()}; with Kafka 4.3.1 its {@code getBrokersAsString()} is overridden to ask the 4.3 test kit
 * for the bootstrap servers instead. Thread-safe.
 */
public final class EmbeddedBroker {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static EmbeddedKafkaKraftBroker broker;

  private EmbeddedBroker() {}

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

  /** The broker's bootstrap servers, starting it on first use. */
  public static String bootstrapServers() {
    return broker().getBrokersAsString();
  }

  /** A new topic with one partition, named after {@code prefix}. */
  public static String newTopic(String prefix) {
    String topic = prefix + "-" + TOPICS.incrementAndGet();
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot create topic " + topic, e);
    }
    return topic;
  }

  /** Stops the broker and starts it again on the same port with the same log: what clients see of a restart. */
  public static void restart() {
    BrokerServer server = broker().getCluster().brokers().values().iterator().next();
    server.shutdown();
    server.awaitShutdown();
    server.startup();
  }

  /** Deletes the records of {@code topic} below {@code offset}, as retention would. */
  public static void deleteRecordsBefore(String topic, long offset) {
    try (Admin admin = admin()) {
      admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(offset))).all().get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot delete the records of " + topic, e);
    }
  }

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

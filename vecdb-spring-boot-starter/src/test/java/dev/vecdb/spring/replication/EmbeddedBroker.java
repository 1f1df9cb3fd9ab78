package dev.vecdb.spring.replication;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node KRaft broker in the test JVM, shared by the tests of this JVM and stopped when it exits, and
 * new one-partition topics on it. {@code EmbeddedKafkaKraftBroker} of spring-kafka-test 4.1 asks Kafka 4.2's test kit
 * for its address; with Kafka 4.3.1 the address comes from the 4.3 test kit instead.
 */
public final class EmbeddedBroker {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static EmbeddedKafkaKraftBroker broker;

  private EmbeddedBroker() {}

  /** The broker's bootstrap servers, starting it on first use. */
  public static synchronized String bootstrapServers() {
    if (broker == null) {
      EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1) {
        @Override
        public String getBrokersAsString() {
          return getCluster().bootstrapServers();
        }
      };
      started.brokerProperty("offsets.topic.num.partitions", "1");
      started.brokerProperty("transaction.state.log.num.partitions", "1");
      started.brokerProperty("transaction.state.log.replication.factor", "1");
      started.brokerProperty("transaction.state.log.min.isr", "1");
      started.brokerProperty("group.initial.rebalance.delay.ms", "0");
      started.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
      broker = started;
    }
    return broker.getBrokersAsString();
  }

  /** A new topic with one partition, named after {@code prefix}. */
  public static String newTopic(String prefix) {
    String topic = prefix + "-" + TOPICS.incrementAndGet();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot create topic " + topic, e);
    }
    return topic;
  }
}

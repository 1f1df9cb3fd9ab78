package dev.vecdb.bench.replication;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft broker started in this JVM for the replication runner (spring-kafka-test's
 * {@code EmbeddedKafkaKraftBroker}, whose address is asked from the Kafka 4.3 test kit), with one-partition topics.
 * Not thread-safe; closed once.
 */
final class LocalBroker implements AutoCloseable {
  private final EmbeddedKafkaKraftBroker broker;

  private LocalBroker(EmbeddedKafkaKraftBroker broker) {
    this.broker = broker;
  }

  /** Starts a broker; transactions need their state log at one replica on a single broker. */
  static LocalBroker start() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1) {
      @Override
      public String getBrokersAsString() {
        return getCluster().bootstrapServers();
      }
    };
    broker.brokerProperty("offsets.topic.num.partitions", "1");
    broker.brokerProperty("transaction.state.log.num.partitions", "1");
    broker.brokerProperty("transaction.state.log.replication.factor", "1");
    broker.brokerProperty("transaction.state.log.min.isr", "1");
    broker.afterPropertiesSet();
    return new LocalBroker(broker);
  }

  /** Client settings that reach the broker. */
  Map<String, Object> client() {
    return Map.of("bootstrap.servers", broker.getBrokersAsString());
  }

  /** A new topic with one partition, named {@code name}. */
  String newTopic(String name) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        broker.getBrokersAsString()))) {
      admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
      return name;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot create topic " + name, e);
    }
  }

  @Override
  public void close() {
    broker.destroy();
  }
}

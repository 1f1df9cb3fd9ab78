package dev.vecdb.spring.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;

/**
 * The Kafka client settings of the replication, made the way Boot makes its own clients' settings: everything under
 * {@code spring.kafka.*} (and {@code spring.kafka.producer.*} or {@code spring.kafka.consumer.*}), then the servers,
 * security protocol and SSL bundle of the {@link KafkaConnectionDetails} (which service connections, such as those of
 * Testcontainers or Docker Compose, replace). Immutable.
 */
final class KafkaClientSettings {
  private final KafkaProperties properties;
  private final KafkaConnectionDetails connection;

  /**
   * @param properties Boot's {@code spring.kafka.*} properties
   * @param connection where the brokers are
   */
  KafkaClientSettings(KafkaProperties properties, KafkaConnectionDetails connection) {
    this.properties = properties;
    this.connection = connection;
  }

  /** The settings of the leader's producer. */
  Map<String, Object> producer() {
    return with(properties.buildProducerProperties(), connection.getProducer());
  }

  /** The settings of the follower's consumer. */
  Map<String, Object> consumer() {
    return with(properties.buildConsumerProperties(), connection.getConsumer());
  }

  private static Map<String, Object> with(Map<String, Object> built, KafkaConnectionDetails.Configuration client) {
    Map<String, Object> settings = new HashMap<>(built);
    List<String> servers = client.getBootstrapServers();
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
    @Nullable String protocol = client.getSecurityProtocol();
    if (protocol != null) {
      settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
    }
    @Nullable SslBundle bundle = client.getSslBundle();
    if (bundle != null) {
      settings.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
      settings.put(SslBundle.class.getName(), bundle);
    }
    return settings;
  }
}

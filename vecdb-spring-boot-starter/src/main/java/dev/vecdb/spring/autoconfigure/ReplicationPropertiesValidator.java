package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.VecdbConfigurationException;
import dev.vecdb.spring.replication.ReplicationRole;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.ClassUtils;

/**
 * Validates {@code vecdb.replication.*} once, before any bean is created, so that a bad setting stops startup with a
 * {@link VecdbConfigurationException} naming the property: a role without the libraries replication needs (never a
 * silent start without replication), a missing or invalid topic, a blank transactional id, negative timeouts, and
 * background flushes on a follower (whose database only its applier changes). Stateless, thread-safe.
 */
final class ReplicationPropertiesValidator {
  /** Classes replication needs: kafka-clients, vecdb-kafka and Boot's Kafka module. */
  static final List<String> REQUIRED_CLASSES = List.of("org.apache.kafka.clients.producer.KafkaProducer",
      "dev.vecdb.kafka.CommitPublisher", "org.springframework.boot.kafka.autoconfigure.KafkaProperties");
  /** What Kafka accepts as a topic name. */
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private ReplicationPropertiesValidator() {}

  /**
   * Validates the replication settings of {@code binder}'s environment.
   *
   * @param classLoader where the replication libraries are looked up
   * @throws VecdbConfigurationException naming the first invalid property
   */
  static void validate(Binder binder, ClassLoader classLoader) {
    ReplicationProperties properties = binder.bind(ReplicationProperties.PREFIX, ReplicationProperties.class)
        .orElseGet(ReplicationProperties::new);
    ReplicationRole role = properties.getRole();
    if (role == ReplicationRole.NONE) {
      return;
    }
    List<String> missing = REQUIRED_CLASSES.stream().filter(name -> !ClassUtils.isPresent(name, classLoader))
        .toList();
    if (!missing.isEmpty()) {
      throw new VecdbConfigurationException("vecdb.replication.role", "it is " + role.name().toLowerCase()
          + ", and replication needs classes that are not on the class path: " + missing,
          "Add the dependencies dev.vecdb:vecdb-kafka and org.springframework.boot:spring-boot-kafka (or "
              + "spring-boot-starter-kafka) to the application, or set vecdb.replication.role=none.");
    }
    String topic = properties.getTopic();
    if (topic == null || !TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      throw new VecdbConfigurationException("vecdb.replication.topic", topic == null ? "it is not set"
          : "'" + topic + "' is not a Kafka topic name",
          "Set vecdb.replication.topic to the database's own topic: 1 to 249 letters, digits, '.', '_' or '-'.");
    }
    if (properties.getTransactionalId() != null && properties.getTransactionalId().isBlank()) {
      throw new VecdbConfigurationException("vecdb.replication.transactional-id", "it is blank",
          "Remove vecdb.replication.transactional-id to use vecdb-leader-" + topic + ", or set a non-blank id.");
    }
    nonNegative("vecdb.replication.startup-timeout", properties.getStartupTimeout());
    nonNegative("vecdb.replication.shutdown-timeout", properties.getShutdownTimeout());
    Duration interval = binder.bind("vecdb.flush-interval", Duration.class).orElse(Duration.ZERO);
    if (role == ReplicationRole.FOLLOWER && interval.isPositive()) {
      throw new VecdbConfigurationException("vecdb.flush-interval", "it is " + interval
          + ", and a follower's database is read-only: only the commits it applies change it",
          "Remove vecdb.flush-interval from the follower's configuration (set it to 0).");
    }
  }

  private static void nonNegative(String property, Duration value) {
    if (value.isNegative()) {
      throw new VecdbConfigurationException(property, "it is negative (" + value + ")",
          "Set " + property + " to a positive duration such as 30s.");
    }
  }
}

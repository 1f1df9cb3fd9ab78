package dev.vecdb.spring.autoconfigure;

import dev.vecdb.Database;
import dev.vecdb.DatabaseOptions;
import dev.vecdb.Replica;
import dev.vecdb.kafka.FollowerOptions;
import dev.vecdb.kafka.PublisherOptions;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.VectorDeclaration;
import dev.vecdb.spring.replication.ReplicationFollower;
import dev.vecdb.spring.replication.ReplicationLeader;
import dev.vecdb.spring.replication.ReplicationRole;
import dev.vecdb.spring.replication.SnapshotBootstrap;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Replication of the database through Kafka ({@code vecdb.replication.*}), when kafka-clients, vecdb-kafka and Boot's
 * Kafka module are on the class path and {@code vecdb.replication.role} is {@code leader} or {@code follower}. The
 * Kafka clients are configured from Boot's own {@code spring.kafka.*} properties and {@link KafkaConnectionDetails}.
 * Runs before {@link VecdbAutoConfiguration}, whose {@link Database} bean then backs off:
 * <ul>
 *   <li>leader: the database opens at {@code vecdb.path} with a commit log (every commit is kept in its outbox until
 *   published), and a {@link ReplicationLeader} publishes its commits;</li>
 *   <li>follower: the database opens as a {@link Replica} (from {@code vecdb.replication.snapshot} when the directory
 *   is empty), a {@link ReplicationFollower} applies the topic's commits, and the {@link Database} bean is the
 *   replica's read-only database. Startup waits up to {@code vecdb.replication.startup-timeout} for the declared
 *   vectors to exist in it.</li>
 * </ul>
 * The settings were validated before any bean was created (see {@link ReplicationPropertiesValidator}).
 */
@AutoConfiguration(before = VecdbAutoConfiguration.class,
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(name = {"org.apache.kafka.clients.producer.KafkaProducer", "dev.vecdb.kafka.CommitPublisher",
    "org.springframework.boot.kafka.autoconfigure.KafkaProperties"})
@Conditional(OnReplicationRoleCondition.class)
@EnableConfigurationProperties({ReplicationProperties.class, VecdbProperties.class, KafkaProperties.class})
public final class VecdbReplicationAutoConfiguration {

  private static Path directory(VecdbProperties properties, DatabaseLifecycle lifecycle) {
    return properties.isTemporaryDirectory() ? lifecycle.createTemporaryDirectory()
        : DatabaseDirectory.prepare(properties.getPath());
  }

  /**
   * The client settings: Boot's {@code spring.kafka.*} consumer and producer settings (the producer's winning where
   * both set a key), with the connection details' servers and security.
   */
  private static Map<String, Object> clientSettings(KafkaProperties kafka,
      ObjectProvider<KafkaConnectionDetails> connection) {
    KafkaClientSettings settings = new KafkaClientSettings(kafka,
        connection.getIfAvailable(() -> kafka::getBootstrapServers));
    Map<String, Object> all = new HashMap<>(settings.consumer());
    all.putAll(settings.producer());
    return all;
  }

  private static String topic(ReplicationProperties replication) {
    return Objects.requireNonNull(replication.getTopic(), "vecdb.replication.topic");
  }

  /** The leader's beans. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnReplicationRole(ReplicationRole.LEADER)
  static final class Leader {

    /** The database, with a commit log; flushed and closed by {@link DatabaseLifecycle} when destroyed. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Database vecdbDatabase(VecdbProperties properties, DatabaseLifecycle lifecycle) {
      return Database.open(directory(properties, lifecycle), DatabaseOptions.DEFAULT.withCommitLog(true));
    }

    /** Publishes the database's commits. */
    @Bean
    @ConditionalOnMissingBean
    ReplicationLeader vecdbReplicationLeader(Database database, ReplicationProperties replication,
        KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection, VecdbFlusher flusher) {
      String topic = topic(replication);
      String transactionalId = replication.getTransactionalId() != null ? replication.getTransactionalId()
          : "vecdb-leader-" + topic;
      return new ReplicationLeader(database,
          PublisherOptions.of(topic, transactionalId, clientSettings(kafka, connection)), flusher,
          replication.getShutdownTimeout());
    }
  }

  /** The follower's beans. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnReplicationRole(ReplicationRole.FOLLOWER)
  static final class Follower {

    /**
     * The follower database, bootstrapped from the snapshot when empty, and its applier; waits for the declared
     * vectors.
     */
    @Bean
    @ConditionalOnMissingBean
    ReplicationFollower vecdbReplicationFollower(VecdbProperties properties, ReplicationProperties replication,
        KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection, DatabaseLifecycle lifecycle,
        VectorDeclarations declarations) {
      Path directory = directory(properties, lifecycle);
      if (replication.getSnapshot() != null) {
        SnapshotBootstrap.bootstrap(directory, replication.getSnapshot());
      }
      Replica replica = Replica.open(directory);
      ReplicationFollower follower;
      try {
        follower = new ReplicationFollower(replica,
            FollowerOptions.of(topic(replication), clientSettings(kafka, connection)));
      } catch (RuntimeException e) {
        replica.close();
        throw e;
      }
      try {
        follower.awaitVectors(declarations.all().stream().map(VectorDeclaration::name).toList(),
            replication.getStartupTimeout());
      } catch (RuntimeException e) {
        follower.destroy();
        throw e;
      }
      return follower;
    }

    /** The replica's read-only database; closed with the follower. */
    @Bean
    @ConditionalOnMissingBean
    Database vecdbDatabase(ReplicationFollower follower) {
      return follower.database();
    }
  }
}

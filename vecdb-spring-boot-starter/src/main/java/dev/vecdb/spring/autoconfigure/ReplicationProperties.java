package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.replication.ReplicationRole;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the replication of the database through Kafka, bound from {@code vecdb.replication.*}; the Kafka
 * connection itself comes from Boot's {@code spring.kafka.*}. Mutable JavaBean for the binder; not thread-safe, read
 * once at startup.
 */
@ConfigurationProperties(ReplicationProperties.PREFIX)
public class ReplicationProperties {
  /** The prefix of the replication properties. */
  public static final String PREFIX = "vecdb.replication";

  /**
   * Role of this application: none (no replication), leader (the single writer, publishing every commit to the
   * topic) or follower (a read replica applying the topic's commits; its database is read-only to the application).
   * Needs vecdb-kafka and Boot's Kafka module on the class path.
   */
  private ReplicationRole role = ReplicationRole.NONE;

  /**
   * Kafka topic of the database's commits: one topic per database, one partition. Required with a role.
   */
  private @Nullable String topic;

  /**
   * Follower: directory of a snapshot of the leader's database (the vecdbsnapshot endpoint writes them) to start
   * from when vecdb.path holds no database yet; it is copied into vecdb.path. Without it a new follower starts from
   * the topic's first commit, which the topic must still hold.
   */
  private @Nullable Path snapshot;

  /**
   * Leader: the transactional id of its Kafka producer. A new leader with the same id fences the previous one (a
   * promoted follower takes the old leader's id). Defaults to vecdb-leader-{topic}.
   */
  private @Nullable String transactionalId;

  /**
   * Follower: how long startup waits for the follower to apply the commits the topic held when it started, so that
   * the application starts on up-to-date data.
   */
  private Duration startupTimeout = Duration.ofSeconds(60);

  /**
   * Leader: how long shutdown waits for the commits of the final flush to be published. Commits left unpublished
   * stay in the database's outbox and are published at the next start.
   */
  private Duration shutdownTimeout = Duration.ofSeconds(30);

  public ReplicationRole getRole() {
    return role;
  }

  public void setRole(ReplicationRole role) {
    this.role = role;
  }

  public @Nullable String getTopic() {
    return topic;
  }

  public void setTopic(@Nullable String topic) {
    this.topic = topic;
  }

  public @Nullable Path getSnapshot() {
    return snapshot;
  }

  public void setSnapshot(@Nullable Path snapshot) {
    this.snapshot = snapshot;
  }

  public @Nullable String getTransactionalId() {
    return transactionalId;
  }

  public void setTransactionalId(@Nullable String transactionalId) {
    this.transactionalId = transactionalId;
  }

  public Duration getStartupTimeout() {
    return startupTimeout;
  }

  public void setStartupTimeout(Duration startupTimeout) {
    this.startupTimeout = startupTimeout;
  }

  public Duration getShutdownTimeout() {
    return shutdownTimeout;
  }

  public void setShutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = shutdownTimeout;
  }
}

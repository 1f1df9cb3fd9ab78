package dev.vecdb.spring.replication;

import dev.vecdb.kafka.ReplicationState;
import dev.vecdb.kafka.ReplicationStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the replication, reported as {@code vecdbReplication}: UP while the leader's publisher or the follower
 * runs, DOWN when it failed (the failure in the details: a fenced leader, a follower whose snapshot is too old or
 * that met a gap) or is stopped. Details: {@code role}, {@code topic}, {@code state}, {@code commit} (last commit
 * published or applied), {@code lagCommits} and {@code lagSeconds} (commits not yet published, or not yet applied, and
 * how long the oldest has waited), {@code commits} and {@code bytes} since start. Cheap: reads counters only.
 * Thread-safe.
 */
public class ReplicationHealthIndicator extends AbstractHealthIndicator {
  private final Replication replication;

  /**
   * @param replication the leader or follower
   */
  public ReplicationHealthIndicator(Replication replication) {
    super("vecdb replication health check failed");
    this.replication = replication;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    ReplicationStatus status = replication.status();
    health.status(status.state() == ReplicationState.RUNNING ? Status.UP : Status.DOWN)
        .withDetail("role", replication.role().name().toLowerCase())
        .withDetail("topic", replication.topic())
        .withDetail("state", status.state().name().toLowerCase())
        .withDetail("commit", status.commit())
        .withDetail("lagCommits", status.lagCommits())
        .withDetail("lagSeconds", status.lagMillis() / 1000.0)
        .withDetail("commits", status.commits())
        .withDetail("bytes", status.bytes());
    if (status.failure() != null) {
      health.withDetail("error", status.failure().toString());
    }
  }
}

package dev.vecdb.sample.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vecdb.kafka.ReplicationStatus;
import dev.vecdb.spring.replication.Replication;
import org.jspecify.annotations.Nullable;

/**
 * This instance's part in replication, as {@code GET /api/replication} answers it; absent fields are left out of the
 * JSON. Immutable.
 *
 * @param role {@code none}, {@code leader} or {@code follower}
 * @param topic the Kafka topic of the database's commits
 * @param state {@code running}, {@code failed} or {@code closed}
 * @param commit the last commit published (leader) or applied (follower)
 * @param lagCommits commits not yet published (leader) or not yet applied (follower)
 * @param lagSeconds how long the oldest of those has waited
 * @param error why replication stopped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReplicationView(String role, @Nullable String topic, @Nullable String state, @Nullable Long commit,
    @Nullable Long lagCommits, @Nullable Double lagSeconds, @Nullable String error) {

  /** An instance without replication. */
  static final ReplicationView NONE = new ReplicationView("none", null, null, null, null, null, null);

  /** The view of {@code replication} now. */
  static ReplicationView of(Replication replication) {
    ReplicationStatus status = replication.status();
    return new ReplicationView(replication.role().name().toLowerCase(), replication.topic(),
        status.state().name().toLowerCase(), status.commit(), status.lagCommits(), status.lagMillis() / 1000.0,
        status.failure() == null ? null : status.failure().getMessage());
  }
}

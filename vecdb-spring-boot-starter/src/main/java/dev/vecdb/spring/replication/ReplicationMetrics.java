package dev.vecdb.spring.replication;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;

/**
 * Binds the replication meters, tagged {@code role} and {@code topic}: {@code vecdb.replication.commits.published}
 * (leader) or {@code vecdb.replication.commits.applied} (follower), {@code vecdb.replication.bytes.shipped} (payload
 * bytes published or applied), {@code vecdb.replication.commit} (the last commit published or applied),
 * {@code vecdb.replication.lag.commits} and {@code vecdb.replication.lag} (how long the oldest commit not yet published
 * or applied has waited, by the leader's clock at commit). Counters count since the publisher or follower started.
 * Threads: sampled on the registry's threads; each reads the publisher's or follower's volatile counters.
 */
public class ReplicationMetrics implements MeterBinder {
  private final Replication replication;

  /**
   * @param replication the leader or follower; the meters hold it strongly
   */
  public ReplicationMetrics(Replication replication) {
    this.replication = replication;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Tags tags = Tags.of("role", replication.role().name().toLowerCase(), "topic", replication.topic());
    boolean leader = replication.role() == ReplicationRole.LEADER;
    FunctionCounter.builder(leader ? "vecdb.replication.commits.published" : "vecdb.replication.commits.applied",
            replication, r -> r.status().commits())
        .description(leader ? "Commits published to the topic" : "Commits applied to the follower database")
        .tags(tags).register(registry);
    FunctionCounter.builder("vecdb.replication.bytes.shipped", replication, r -> r.status().bytes())
        .description(leader ? "Commit payload bytes published" : "Commit payload bytes applied")
        .baseUnit(BaseUnits.BYTES).tags(tags).register(registry);
    Gauge.builder("vecdb.replication.commit", replication, r -> r.status().commit())
        .description(leader ? "Last commit published" : "Last commit applied").tags(tags).strongReference(true)
        .register(registry);
    Gauge.builder("vecdb.replication.lag.commits", replication, r -> r.status().lagCommits())
        .description(leader ? "Commits not yet published" : "Commits the topic holds that are not yet applied")
        .tags(tags).strongReference(true).register(registry);
    TimeGauge.builder("vecdb.replication.lag", replication, TimeUnit.MILLISECONDS, r -> r.status().lagMillis())
        .description("How long the oldest commit not yet " + (leader ? "published" : "applied") + " has waited")
        .tags(tags).strongReference(true).register(registry);
  }
}

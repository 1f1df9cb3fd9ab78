package dev.vecdb.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link CommitFollower} reads a database's topic. Immutable; the {@code with} methods return modified copies.
 *
 * @param topic the database's topic (the follower reads its partition 0)
 * @param properties Kafka consumer settings ({@code bootstrap.servers}, security, fetch tuning). With a
 *     {@code group.id} the follower also commits its position there, as a hint for where to start next time (it
 *     joins no group and is assigned the partition directly). The follower sets {@code isolation.level=read_committed},
 *     byte-array deserializers, no automatic offset commits and no automatic offset reset
 * @param timeout how long one look-up of the topic (its bounds, a record at an offset) may wait for the broker
 *     (default 60 s)
 * @param lagProbeInterval how often the follower reads the topic's last commit to know its lag (default 1 s)
 */
public record FollowerOptions(String topic, Map<String, Object> properties, Duration timeout,
    Duration lagProbeInterval) {
  public FollowerOptions {
    Objects.requireNonNull(topic, "topic");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(lagProbeInterval, "lagProbeInterval");
  }

  /** Options with the defaults for everything but the topic and consumer settings. */
  public static FollowerOptions of(String topic, Map<String, Object> properties) {
    return new FollowerOptions(topic, properties, Duration.ofSeconds(60), Duration.ofSeconds(1));
  }

  /** A copy with {@link #timeout()} set. */
  public FollowerOptions withTimeout(Duration newTimeout) {
    return new FollowerOptions(topic, properties, newTimeout, lagProbeInterval);
  }

  /** A copy with {@link #lagProbeInterval()} set. */
  public FollowerOptions withLagProbeInterval(Duration interval) {
    return new FollowerOptions(topic, properties, timeout, interval);
  }
}

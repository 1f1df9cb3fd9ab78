package dev.vecdb.sample.chain;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Produces a new block every {@code sample.feed.interval} once the context has started (the initial blocks are
 * ingested before); a zero interval schedules nothing. The scheduler stops before the database is flushed and
 * closed at shutdown. Absent in the {@code replica} profile: a replica's blocks come from the leader.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Profile("!replica")
public class FeedSchedule implements SchedulingConfigurer {
  private final Chain chain;
  private final FeedProperties feed;

  /**
   * @param chain the chain new blocks are appended to
   * @param feed the interval
   */
  public FeedSchedule(Chain chain, FeedProperties feed) {
    this.chain = chain;
    this.feed = feed;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (feed.interval().isPositive()) {
      registrar.addFixedDelayTask(new FixedDelayTask(chain::produce, feed.interval(), feed.interval()));
    }
  }
}

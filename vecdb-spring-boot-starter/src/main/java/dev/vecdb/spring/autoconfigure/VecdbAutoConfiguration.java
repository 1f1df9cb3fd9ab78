package dev.vecdb.spring.autoconfigure;

import dev.vecdb.Database;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.VecdbPeriodicFlush;
import dev.vecdb.spring.VecdbVectors;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;

/**
 * Opens the vecdb {@link Database} at {@code vecdb.path} (or in a temporary directory with
 * {@code vecdb.temporary-directory}), one bean per vector declared in {@code vecdb.vectors.*} (see
 * {@link VectorBeanRegistrar}), the {@link VecdbVectors} registry, the {@link VecdbFlusher} and background flushes.
 * {@link DatabaseLifecycle} writes, flushes and closes every {@code Database} bean when it is destroyed, after the
 * beans that use it. Every bean backs off when the application defines its own; a user-defined {@link Database} gets
 * the declared vectors, flushes and shutdown handling too. The database and the declared vectors open at startup
 * even with lazy initialization, so that a bad configuration stops startup.
 */
@AutoConfiguration(after = TaskSchedulingAutoConfiguration.class)
@EnableConfigurationProperties(VecdbProperties.class)
@Import(VectorBeanRegistrar.class)
public final class VecdbAutoConfiguration {

  /** Writes, flushes and closes databases in their own destruction; static, as a bean post-processor. */
  @Bean
  static DatabaseLifecycle vecdbDatabaseLifecycle(ConfigurableListableBeanFactory beans, Environment environment) {
    return new DatabaseLifecycle(beans,
        Binder.get(environment).bind("vecdb.flush-on-shutdown", Boolean.class).orElse(true));
  }

  /** Keeps the database and the declared vectors eager under {@code spring.main.lazy-initialization}. */
  @Bean
  static LazyInitializationExcludeFilter vecdbLazyInitializationExcludeFilter() {
    return LazyInitializationExcludeFilter.forBeanTypes(Database.class, VecdbVectors.class);
  }

  /** The database; flushed and closed by {@link DatabaseLifecycle} when destroyed. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  Database vecdbDatabase(VecdbProperties properties, DatabaseLifecycle lifecycle) {
    return Database.open(properties.isTemporaryDirectory() ? lifecycle.createTemporaryDirectory()
        : DatabaseDirectory.prepare(properties.getPath()));
  }

  /** The declared vectors, opened at startup. */
  @Bean
  @ConditionalOnMissingBean
  VecdbVectors vecdbVectors(Database database, VectorDeclarations declarations) {
    return new VecdbVectors(database, declarations.all());
  }

  /** Flushes on behalf of the starter, observed as {@code vecdb.flush}. */
  @Bean
  @ConditionalOnMissingBean
  VecdbFlusher vecdbFlusher(Database database, ObjectProvider<ObservationRegistry> observations) {
    return new VecdbFlusher(database, observations.getIfAvailable(() -> ObservationRegistry.NOOP),
        Clock.systemUTC());
  }

  /**
   * Background flushes, when {@code vecdb.flush-interval} is positive: on the application's only
   * {@link TaskScheduler}, else on one from Boot's {@link SimpleAsyncTaskSchedulerBuilder}.
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(OnFlushIntervalCondition.class)
  VecdbPeriodicFlush vecdbPeriodicFlush(VecdbFlusher flusher, VecdbProperties properties,
      ObjectProvider<TaskScheduler> schedulers, ObjectProvider<SimpleAsyncTaskSchedulerBuilder> builder) {
    TaskScheduler shared = schedulers.getIfUnique();
    TaskScheduler scheduler = shared != null ? shared
        : builder.getIfAvailable(SimpleAsyncTaskSchedulerBuilder::new).threadNamePrefix("vecdb-flush-").build();
    return new VecdbPeriodicFlush(flusher, scheduler, properties.getFlushInterval(), shared == null);
  }
}

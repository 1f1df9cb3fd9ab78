package dev.vecdb.spring;

import dev.vecdb.Database;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;

/**
 * Opens the vecdb {@link Database} at {@code vecdb.path}, one bean per vector declared in {@code vecdb.vectors.*}
 * (see {@link VectorBeanRegistrar}), the {@link VecdbVectors} registry, background flushes and the shutdown flush.
 * Every bean backs off when the application defines its own; a user-defined {@link Database} gets the declared
 * vectors, flushes and shutdown handling too.
 */
@AutoConfiguration
@EnableConfigurationProperties(VecdbProperties.class)
@Import(VectorBeanRegistrar.class)
public class VecdbAutoConfiguration {

  /** The database; closed by {@link VecdbShutdown}, not by the container. */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public Database vecdbDatabase(VecdbProperties properties) {
    return Database.open(DatabaseDirectory.prepare(properties.getPath()));
  }

  /** The declared vectors, opened at startup. */
  @Bean
  @ConditionalOnMissingBean
  public VecdbVectors vecdbVectors(Database database, VecdbProperties properties) {
    return new VecdbVectors(database,
        VecdbPropertiesValidator.validate(properties, ClassUtils.getDefaultClassLoader()));
  }

  /** Flushes on behalf of the starter and keeps flush statistics. */
  @Bean
  @ConditionalOnMissingBean
  public VecdbFlusher vecdbFlusher(Database database) {
    return new VecdbFlusher(database, Clock.systemUTC());
  }

  /** Background flushes, when {@code vecdb.flush-interval} is positive. */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(OnFlushIntervalCondition.class)
  public VecdbPeriodicFlush vecdbPeriodicFlush(VecdbFlusher flusher, VecdbProperties properties) {
    return new VecdbPeriodicFlush(flusher, properties.getFlushInterval());
  }

  /** Writes, flushes (unless disabled) and closes the database in the destroy phase, after web requests drained. */
  @Bean
  @ConditionalOnMissingBean
  public VecdbShutdown vecdbShutdown(VecdbVectors vectors, VecdbFlusher flusher, VecdbProperties properties) {
    return new VecdbShutdown(vectors, flusher, properties.isFlushOnShutdown());
  }
}

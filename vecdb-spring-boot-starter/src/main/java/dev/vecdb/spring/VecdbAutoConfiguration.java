package dev.vecdb.spring;

import dev.vecdb.Database;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Opens the vecdb {@link Database} at {@code vecdb.path} and closes it when the context closes.
 */
@AutoConfiguration
@EnableConfigurationProperties(VecdbProperties.class)
public class VecdbAutoConfiguration {

  /** The database; a user-defined {@link Database} bean replaces it. Closed by {@link VecdbShutdown}. */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public Database vecdbDatabase(VecdbProperties properties) {
    return Database.open(properties.getPath());
  }

  /** Flushes (unless disabled) and closes the database in the destroy phase, after web requests drained. */
  @Bean
  @ConditionalOnMissingBean
  public VecdbShutdown vecdbShutdown(Database database, VecdbProperties properties) {
    return new VecdbShutdown(database, properties.isFlushOnShutdown());
  }
}

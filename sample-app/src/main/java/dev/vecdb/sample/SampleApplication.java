package dev.vecdb.sample;

import dev.vecdb.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The vecdb sample application: a chain-metrics service on the vecdb starter. */
@SpringBootApplication
public class SampleApplication {
  private static final Logger log = LoggerFactory.getLogger(SampleApplication.class);

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }

  @Bean
  ApplicationRunner announce(Database database) {
    return args -> log.info("vecdb database at {} ({} regions, {})", database.path(),
        database.regions().ids().size(), database.diskUsage());
  }
}

package dev.vecdb.spring.lifecycle;

import dev.vecdb.Database;
import dev.vecdb.vec.LongVec;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application {@link ShutdownTests} runs in a child JVM and stops with SIGTERM: it writes 1 to vector
 * {@code prices} when ready, 3 in a slow request, and 2 in {@code @PreDestroy}, and reports each step on standard
 * output (lines starting with {@value #OUT}). Nothing here flushes: what survives was flushed by the starter.
 */
@SpringBootApplication
public class LifecycleApplication {
  /** Prefix of the lines the test reads. */
  static final String OUT = "lifecycle: ";

  public static void main(String[] args) {
    SpringApplication.run(LifecycleApplication.class, args);
  }

  static void report(String line) {
    System.out.println(OUT + line);
    System.out.flush();
  }

  /** Writes at startup and in its destroy callback. */
  @Component
  static class Recorder implements CommandLineRunner {
    private final LongVec prices;
    private final Environment environment;

    Recorder(@Qualifier("prices") LongVec prices, Environment environment) {
      this.prices = prices;
      this.environment = environment;
    }

    @Override
    public void run(String... args) {
      prices.push(1);
      prices.write();
      report("ready port=" + environment.getProperty("local.server.port", "none"));
    }

    @PreDestroy
    void writeLast() {
      try {
        prices.push(2);
        prices.write();
        report("pre-destroy wrote 2");
      } catch (RuntimeException e) {
        report("pre-destroy failed " + e);
      }
    }
  }

  /** A request that is still running when SIGTERM arrives. */
  @RestController
  static class SlowWrites {
    private final LongVec prices;

    SlowWrites(@Qualifier("prices") LongVec prices) {
      this.prices = prices;
    }

    @PostMapping("/slow")
    String slow() throws InterruptedException {
      report("request in flight");
      Thread.sleep(1500);
      prices.push(3);
      prices.write();
      report("request wrote 3");
      return "wrote 3";
    }
  }

  /** The application's own database bean, with {@code lifecycle.user-database=true}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty("lifecycle.user-database")
  static class UserDatabase {
    @Bean
    Database userDatabase(@Value("${vecdb.path}") Path path) {
      return Database.open(path);
    }
  }
}

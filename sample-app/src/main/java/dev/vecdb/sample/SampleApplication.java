package dev.vecdb.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The vecdb sample application: a chain-metrics service on the vecdb starter. A deterministic synthetic feed appends
 * blocks (timestamp, price, transaction count, fees and hash per height) to vectors declared in
 * {@code application.yml}; a REST API and a page at {@code /} read them; reorgs roll every vector back.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {
  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}

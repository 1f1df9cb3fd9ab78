package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.spring.replication.Replication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's main command runs the sample alone: without a profile it never uses Kafka, even with the Kafka
 * libraries on its class path and no broker anywhere (the address below is a closed port).
 */
class StandaloneTest {
  @TempDir
  Path dir;

  @Test
  void runsWithoutAnyKafkaBroker() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class).run(
        "--server.port=0", "--vecdb.path=" + dir, "--spring.kafka.bootstrap-servers=localhost:1",
        "--sample.feed.initial-blocks=600", "--sample.feed.batch-size=300", "--sample.feed.interval=0s")) {
      HttpApi api = new HttpApi(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
      assertThat((Integer) api.read("/api/blocks/latest", "$.height")).isEqualTo(599);
      assertThat(api.get("/api/replication").getBody()).isEqualTo("{\"role\":\"none\"}");
      assertThat(app.getBeansOfType(Replication.class)).isEmpty();
      assertThat(app.getBean(Database.class).isReadOnly()).isFalse();
      assertThat((String) api.read("/actuator/health", "$.status")).isEqualTo("UP");
    }
  }
}

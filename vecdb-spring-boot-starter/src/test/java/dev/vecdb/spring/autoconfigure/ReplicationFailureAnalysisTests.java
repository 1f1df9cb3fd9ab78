package dev.vecdb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * Bad replication settings as a user sees them: a real application fails to start and the starter's failure analyzer
 * prints the property, the problem and the fix, before the database opens or Kafka is contacted.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicationFailureAnalysisTests {
  @TempDir
  Path dir;

  private String report(CapturedOutput output, String... args) {
    int from = output.getAll().length();
    SpringApplication app = new SpringApplication(ReplicatedApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setDefaultProperties(Map.of("vecdb.path", dir.toString(), "spring.kafka.bootstrap-servers", "localhost:1"));
    assertThatThrownBy(() -> app.run(args)).isNotNull();
    String printed = output.getAll().substring(from);
    assertThat(printed).contains("APPLICATION FAILED TO START");
    return printed.substring(printed.indexOf("APPLICATION FAILED TO START"));
  }

  @Test
  void aRoleWithoutATopic(CapturedOutput output) {
    assertThat(report(output, "--vecdb.replication.role=leader"))
        .contains("The vecdb configuration is invalid: invalid vecdb.replication.topic: it is not set")
        .contains("Set vecdb.replication.topic to the database's own topic");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void backgroundFlushesOnAFollower(CapturedOutput output) {
    assertThat(report(output, "--vecdb.replication.role=follower", "--vecdb.replication.topic=chain",
        "--vecdb.flush-interval=5s"))
        .contains("invalid vecdb.flush-interval: it is PT5S, and a follower's database is read-only")
        .contains("Remove vecdb.flush-interval from the follower's configuration");
  }

  @Test
  void anUnknownRole(CapturedOutput output) {
    assertThat(report(output, "--vecdb.replication.role=primary", "--vecdb.replication.topic=chain"))
        .contains("vecdb.replication.role").contains("primary");
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({VecdbAutoConfiguration.class, VecdbReplicationAutoConfiguration.class})
  static class ReplicatedApplication {}
}

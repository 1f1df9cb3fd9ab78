package dev.vecdb.sample;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application running on a random port with its database in a fresh directory per test class (subclasses
 * set the feed with {@code @TestPropertySource}). The context closes after the class, before the directory goes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class RunningSample {
  @TempDir
  static Path dir;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void databasePath(DynamicPropertyRegistry registry) {
    registry.add("vecdb.path", () -> dir.toString());
  }

  /** A client of the running application. */
  HttpApi api() {
    return new HttpApi(port);
  }
}

package dev.vecdb.spring;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the vecdb database, bound from {@code vecdb.*}.
 */
@ConfigurationProperties("vecdb")
public class VecdbProperties {
  /** Directory of the database; created if missing. Relative paths resolve against the working directory. */
  private Path path = Path.of("vecdb-data");

  /** Whether to flush every change before the database closes at shutdown. */
  private boolean flushOnShutdown = true;

  public Path getPath() {
    return path;
  }

  public void setPath(Path path) {
    this.path = path;
  }

  public boolean isFlushOnShutdown() {
    return flushOnShutdown;
  }

  public void setFlushOnShutdown(boolean flushOnShutdown) {
    this.flushOnShutdown = flushOnShutdown;
  }
}

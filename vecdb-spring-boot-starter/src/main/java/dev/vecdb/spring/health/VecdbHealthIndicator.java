package dev.vecdb.spring.health;

import dev.vecdb.Database;
import dev.vecdb.spring.FlushFailure;
import dev.vecdb.spring.VecdbFlusher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.unit.DataSize;

/**
 * Health of the vecdb database, reported as {@code vecdb}: UP when it is open, its directory is writable, its file
 * system has at least {@code vecdb.health.min-free-space} free and the last flush by the starter did not fail; DOWN
 * otherwise, with the reason in the details (a failing file-system query is reported DOWN with its exception by
 * {@link AbstractHealthIndicator}). Cheap: no I/O beyond a file-system query. Thread-safe.
 */
public class VecdbHealthIndicator extends AbstractHealthIndicator {
  private final VecdbFlusher flusher;
  private final DataSize minFreeSpace;

  /**
   * @param flusher the database and its flush record
   * @param minFreeSpace the free space below which the database is DOWN
   */
  public VecdbHealthIndicator(VecdbFlusher flusher, DataSize minFreeSpace) {
    super("vecdb health check failed");
    this.flusher = flusher;
    this.minFreeSpace = minFreeSpace;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws Exception {
    Database database = flusher.database();
    Path path = database.path();
    health.up().withDetail("path", path.toString());
    flusher.lastSuccess().ifPresent(at -> health.withDetail("lastFlush", at.toString()));
    Optional<FlushFailure> failure = flusher.lastFailure();
    if (failure.isPresent()) {
      health.down().withDetail("flushError", failure.get().cause().toString())
          .withDetail("flushFailedAt", failure.get().at().toString());
    }
    if (!database.isOpen()) {
      health.down().withDetail("error", "database is closed");
      return;
    }
    long free = Files.getFileStore(path).getUsableSpace();
    health.withDetail("freeSpace", free).withDetail("minFreeSpace", minFreeSpace.toBytes());
    if (free < minFreeSpace.toBytes()) {
      health.down().withDetail("error", "free space " + DataSize.ofBytes(free) + " is below " + minFreeSpace);
    }
    boolean writable = Files.isWritable(path);
    health.withDetail("writable", writable);
    if (!writable) {
      health.down().withDetail("error", path + " is not writable");
    }
  }
}

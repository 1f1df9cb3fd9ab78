package dev.vecdb.spring.health;

import dev.vecdb.Database;
import dev.vecdb.spring.FlushFailure;
import dev.vecdb.spring.VecdbFlusher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.unit.DataSize;

/**
 * Health of the vecdb database, reported as {@code vecdb}: UP when it is open, its directory is writable, its file
 * system has at least {@code vecdb.health.min-free-space} free and the last flush by the starter did not fail; DOWN
 * otherwise, with the reason in the details. Cheap: no I/O beyond a file-system query. Thread-safe.
 */
public class VecdbHealthIndicator implements HealthIndicator {
  private final VecdbFlusher flusher;
  private final DataSize minFreeSpace;

  /**
   * @param flusher the database and its flush record
   * @param minFreeSpace the free space below which the database is DOWN
   */
  public VecdbHealthIndicator(VecdbFlusher flusher, DataSize minFreeSpace) {
    this.flusher = flusher;
    this.minFreeSpace = minFreeSpace;
  }

  @Override
  public Health health() {
    Database database = flusher.database();
    Path path = database.path();
    Health.Builder health = Health.up().withDetail("path", path.toString());
    flusher.lastSuccess().ifPresent(at -> health.withDetail("lastFlush", at.toString()));
    Optional<FlushFailure> failure = flusher.lastFailure();
    if (failure.isPresent()) {
      health.down().withDetail("flushError", failure.get().cause().toString())
          .withDetail("flushFailedAt", failure.get().at().toString());
    }
    if (!database.isOpen()) {
      return health.down().withDetail("error", "database is closed").build();
    }
    try {
      long free = Files.getFileStore(path).getUsableSpace();
      health.withDetail("freeSpace", free).withDetail("minFreeSpace", minFreeSpace.toBytes());
      if (free < minFreeSpace.toBytes()) {
        health.down().withDetail("error", "free space " + DataSize.ofBytes(free) + " is below " + minFreeSpace);
      }
    } catch (IOException e) {
      health.down(e);
    }
    boolean writable = Files.isWritable(path);
    health.withDetail("writable", writable);
    if (!writable) {
      health.down().withDetail("error", path + " is not writable");
    }
    return health.build();
  }
}

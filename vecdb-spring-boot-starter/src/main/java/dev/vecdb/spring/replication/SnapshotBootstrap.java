package dev.vecdb.spring.replication;

import dev.vecdb.Database;
import dev.vecdb.DatabaseOptions;
import dev.vecdb.spring.VecdbConfigurationException;
import dev.vecdb.store.SnapshotReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a new follower from a snapshot of the leader ({@code vecdb.replication.snapshot}): when the follower's
 * directory holds no database yet (it is missing or empty), the snapshot is opened read-only and copied into it with
 * {@link Database#snapshot(Path)}, which keeps the copy sparse and its commit number; the follower then applies the
 * commits after that number. A directory that already holds a database is left alone. Stateless.
 */
public final class SnapshotBootstrap {
  private static final Logger log = LoggerFactory.getLogger(SnapshotBootstrap.class);

  private SnapshotBootstrap() {}

  /**
   * Copies {@code snapshot} into {@code directory} if {@code directory} holds no database.
   *
   * @return what was copied, or empty when {@code directory} already held a database
   * @throws VecdbConfigurationException naming {@code vecdb.replication.snapshot} if it is not a directory
   */
  public static Optional<SnapshotReport> bootstrap(Path directory, Path snapshot) {
    if (!isEmpty(directory)) {
      log.info("vecdb follower {} already holds a database; vecdb.replication.snapshot {} is not used", directory,
          snapshot);
      return Optional.empty();
    }
    if (!Files.isDirectory(snapshot)) {
      throw new VecdbConfigurationException("vecdb.replication.snapshot", snapshot.toAbsolutePath()
          + " is not a directory, and the follower database " + directory + " is empty",
          "Set vecdb.replication.snapshot to the directory of a snapshot of the leader's database (the vecdbsnapshot "
              + "endpoint writes them), or remove it to start from the topic's first commit.");
    }
    long start = System.nanoTime();
    try (Database source = Database.open(snapshot, DatabaseOptions.DEFAULT.withReadOnly(true))) {
      SnapshotReport report = source.snapshot(directory);
      log.info("vecdb follower {} starts from snapshot {} at commit {} ({} bytes copied in {} ms)", directory,
          snapshot, report.commitNumber(), report.copiedBytes(), (System.nanoTime() - start) / 1_000_000);
      return Optional.of(report);
    }
  }

  private static boolean isEmpty(Path directory) {
    if (!Files.exists(directory)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the follower database directory " + directory, e);
    }
  }
}

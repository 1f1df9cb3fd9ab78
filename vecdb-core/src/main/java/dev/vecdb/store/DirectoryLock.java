package dev.vecdb.store;

import dev.vecdb.DatabaseLockedException;
import dev.vecdb.internal.Exceptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RegionStore}'s hold on its directory, the first step of opening it: the directory exists (its new levels
 * synced into their parents), no other open of it runs in this JVM or in another process (an OS lock on the
 * {@code regions} file), and a lost region table is reported before anything is written. It also tells whether this
 * open creates the database, the only case in which the store syncs the directory after creating its files.
 *
 * <p>Invariants: while an instance is not closed, its directory's real path is in this JVM's set of open directories
 * and its channel holds the OS lock on the byte {@code Long.MAX_VALUE - 1} of the table, a byte past any real offset
 * so that the lock never blocks the table's own reads and writes, even where locks are mandatory (Windows). The
 * channel stays open for the store's lifetime: closing any channel of the locked file would drop the process's lock.
 *
 * <p>Threads: acquired by the opening thread; closed once, by the store's {@link RegionStore#close()} (under its
 * locks) or by a failed open. Closing twice is harmless.
 */
final class DirectoryLock implements AutoCloseable {
  /**
   * Real paths of the directories open in this JVM. An OS file lock cannot refuse a second open in the same process,
   * and closing any channel of the locked file would drop the process's lock, so a second open in this JVM is refused
   * here, before it touches the locked file.
   */
  private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean creating;
  private final boolean unfinishedCreation;

  private DirectoryLock(Path key, FileChannel channel, FileLock lock, boolean creating, boolean unfinishedCreation) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
    this.creating = creating;
    this.unfinishedCreation = unfinishedCreation;
  }

  /**
   * Creates {@code dir} if needed and locks it for one store. On a failure nothing stays held.
   *
   * @param dir the absolute, normalized database directory
   * @throws DatabaseLockedException if the directory is open elsewhere, in this JVM or another process
   * @throws dev.vecdb.CorruptionException if the region table is missing or empty while the data file is not
   */
  static DirectoryLock acquire(Path dir, FileIo io) throws IOException {
    createDirectories(dir, io);
    Path realDir = dir.toRealPath();
    if (!OPEN_IN_THIS_JVM.add(realDir)) {
      throw StoreErrors.alreadyOpen(dir);
    }
    FileChannel channel = null;
    try {
      Path tableFile = dir.resolve(RegionStore.TABLE);
      long dataLength = length(dir.resolve(RegionStore.DATA));
      long tableLength = length(tableFile);
      if (dataLength > 0 && tableLength <= 0) {
        throw Exceptions.corruption("region table %s is missing or empty but the data file holds %s bytes", tableFile,
            dataLength);
      }
      // no data, and a table no longer than its header (a missing one is created empty below)
      boolean unfinished = dataLength <= 0 && tableLength <= RegionTable.HEADER_SIZE;
      boolean creating = dataLength < 0 || tableLength < 0 || unfinished
          || !Files.exists(dir.resolve(RegionStore.JOURNAL));
      channel = FileChannel.open(tableFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock(Long.MAX_VALUE - 1, 1, false);
      } catch (OverlappingFileLockException sameJvm) {
        lock = null;
      }
      if (lock == null) {
        throw StoreErrors.alreadyOpen(dir);
      }
      return new DirectoryLock(realDir, channel, lock, creating, unfinished);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      OPEN_IN_THIS_JVM.remove(realDir);
      throw e;
    }
  }

  /**
   * The open channel of the locked region table: the store's {@link RegionTable} reads, writes and truncates its file
   * through it (and never closes it), since closing another channel of the file would drop the lock.
   */
  FileChannel channel() {
    return channel;
  }

  /** Whether this open creates one of the database's files or finishes an unfinished creation. */
  boolean creating() {
    return creating;
  }

  /** Releases the OS lock, closes the channel and forgets the directory in this JVM. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases the lock as well
    }
    closeQuietly(channel);
    OPEN_IN_THIS_JVM.remove(key);
  }

  /**
   * Whether, when the lock was taken, the database was never flushed and its creation may have stopped while the
   * table header was being written (a full disk, a crash): no data, and a table no longer than its header. Such a
   * table holds no region, so its header is written again rather than reported as corrupt.
   */
  boolean unfinishedCreation() {
    return unfinishedCreation;
  }

  /**
   * Creates {@code dir} and its missing parents, then syncs the parent of each directory it created, so that a
   * power loss after the first flush cannot lose the database's directory entry.
   */
  private static void createDirectories(Path dir, FileIo io) throws IOException {
    List<Path> created = new ArrayList<>();
    for (Path level = dir; level != null && !Files.isDirectory(level); level = level.getParent()) {
      created.add(level);
    }
    if (created.isEmpty()) {
      return;
    }
    Files.createDirectories(dir);
    for (Path level : created) {
      io.syncDirectory(level.getParent());
    }
  }

  /** The length of {@code file}, or -1 if it does not exist. */
  private static long length(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).size();
    } catch (NoSuchFileException missing) {
      return -1;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // best effort while closing or failing
      }
    }
  }
}

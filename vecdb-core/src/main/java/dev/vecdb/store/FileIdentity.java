package dev.vecdb.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether the path of a file the store holds open still leads to that file. Another process may delete the file, or
 * its directory, rename the directory or move another file over it: the open channel then keeps writing to a file
 * that no later open can find, and a flush into it would report a commit that is lost. Each flush checks its files'
 * identities first ({@link RegionStore}) and fails instead.
 *
 * <p>The identity is the file key of the path when the file was opened ({@link BasicFileAttributes#fileKey()}: device
 * and inode on Unix), compared with the path's file key now: one {@code stat} of the path, a few microseconds beside
 * the flush's {@code fdatasync}. Where the platform has no file key (Windows, which does not delete an open file
 * anyway), only a missing path is detected.
 *
 * <p>Immutable and thread-safe.
 */
final class FileIdentity {
  private final Path path;
  private final Object key;

  private FileIdentity(Path path, Object key) {
    this.path = path;
    this.key = key;
  }

  /** The identity of the file at {@code path}, which the caller has just opened. */
  static FileIdentity of(Path path) throws IOException {
    return new FileIdentity(path, Files.readAttributes(path, BasicFileAttributes.class).fileKey());
  }

  /**
   * How the path no longer leads to the file opened (it was deleted, or replaced by another file), or null when it
   * still does.
   */
  String change() throws IOException {
    Object now;
    try {
      now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException gone) {
      return path + " was deleted, or its directory deleted or renamed, by another process while the database was"
          + " open: what this process writes to it can never be opened again";
    }
    return key == null || key.equals(now) ? null : path + " was replaced by another file (" + now + ", not " + key
        + ") by another process while the database was open: what this process writes to it can never be opened"
        + " again";
  }

  /**
   * A file of the store that another process changed while it was open (deleted, replaced, cut: the data file's
   * truncation included, {@link DataFile#truncation()}): the store cannot go on with it.
   */
  static final class ChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    ChangedException(String message) {
      super(message);
    }
  }
}

package dev.vecdb;

import java.io.IOException;

/**
 * The file system failed: a full disk, an I/O error, a failed {@code fsync}. The message names the database
 * directory and the operation; the cause is the original {@link IOException}.
 *
 * <p>A failure that may have left written bytes half-applied puts the database into a failed state: further
 * mutations and flushes are refused until it is reopened, and reopening recovers the last completed flush.
 */
public class StorageException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the database and the operation that failed
   * @param cause the I/O failure
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param message the database and the reason the operation is refused
   */
  public StorageException(String message) {
    super(message);
  }
}

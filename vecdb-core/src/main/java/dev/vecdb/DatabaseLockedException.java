package dev.vecdb;

/**
 * The database directory is already open, in this JVM or in another process. Only one open {@link Database}
 * may hold a directory at a time; close the other one first.
 */
public class DatabaseLockedException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   */
  public DatabaseLockedException(String message) {
    super(message);
  }
}

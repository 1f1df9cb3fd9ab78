package dev.vecdb;

/**
 * The database (or a handle that belongs to it) was used after {@code close()}.
 */
public class ClosedException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   */
  public ClosedException(String message) {
    super(message);
  }
}

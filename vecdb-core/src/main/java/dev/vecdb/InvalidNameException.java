package dev.vecdb;

/**
 * A region or vector name breaks the naming rules: empty, longer than 1024 UTF-8 bytes, or containing a control character
 * or a path separator; or a database path is empty.
 */
public class InvalidNameException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   */
  public InvalidNameException(String message) {
    super(message);
  }
}

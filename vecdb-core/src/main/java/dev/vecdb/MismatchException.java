package dev.vecdb;

/**
 * A vector was opened with settings that differ from what is stored: user version, format, value type or value
 * size. The message names the vector and gives the expected and found values. Opening with reset-on-mismatch wipes
 * the vector instead of failing.
 */
public class MismatchException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the vector, what differs, expected and found
   */
  public MismatchException(String message) {
    super(message);
  }
}

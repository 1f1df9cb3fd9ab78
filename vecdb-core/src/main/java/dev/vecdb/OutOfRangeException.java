package dev.vecdb;

/**
 * An index or offset lies outside what exists. The message gives the index or offset, the length and the name of the
 * vector or region.
 */
public class OutOfRangeException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   */
  public OutOfRangeException(String message) {
    super(message);
  }
}

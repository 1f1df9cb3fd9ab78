package dev.vecdb;

/**
 * A named region or vector does not exist.
 */
public class NotFoundException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   */
  public NotFoundException(String message) {
    super(message);
  }
}

package dev.vecdb;

/**
 * A region or vector with this name already exists (for example as the target of a rename).
 */
public class AlreadyExistsException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   */
  public AlreadyExistsException(String message) {
    super(message);
  }
}

package dev.vecdb;

/**
 * Base of every failure vecdb reports. The message always names what failed (database directory, vector or
 * region) and why (index and length, expected and found values, offset of a corrupt structure).
 *
 * <p>Unchecked: storage failures are rare, not locally recoverable, and callers of a vector API should not have to
 * wrap every read in a {@code try}. Subclasses tell the causes apart.
 */
public class VecdbException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   */
  public VecdbException(String message) {
    super(message);
  }

  /**
   * @param message what failed and why
   * @param cause the underlying failure
   */
  public VecdbException(String message, Throwable cause) {
    super(message, cause);
  }
}

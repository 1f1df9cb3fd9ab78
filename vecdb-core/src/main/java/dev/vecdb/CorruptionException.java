package dev.vecdb;

/**
 * Stored bytes failed a check: a checksum, a magic number, a length or an invariant of a file structure. The
 * message names the file or vector, the structure and its offset. Corrupt data is never served as values.
 */
public class CorruptionException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the structure, where it is and what is wrong with it
   */
  public CorruptionException(String message) {
    super(message);
  }

  /**
   * @param message the structure, where it is and what is wrong with it
   * @param cause the underlying failure
   */
  public CorruptionException(String message, Throwable cause) {
    super(message, cause);
  }
}

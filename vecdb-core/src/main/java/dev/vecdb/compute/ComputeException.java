package dev.vecdb.compute;

import dev.vecdb.VecdbException;

/**
 * A computation cannot produce a value: an integer subtraction would underflow (where the Rust original panics), an
 * integer division by zero, or a source that has holes. The message names the computed vector, the index and the
 * operands.
 */
public class ComputeException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   */
  public ComputeException(String message) {
    super(message);
  }
}

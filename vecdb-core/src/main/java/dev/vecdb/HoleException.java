package dev.vecdb;

/**
 * A point read hit a hole: the value at that index was deleted ({@code delete}, {@code take}). Use the reading
 * methods that report holes ({@code tryGet}, {@code isHole}) where holes are expected.
 */
public class HoleException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the vector and the index
   */
  public HoleException(String message) {
    super(message);
  }
}

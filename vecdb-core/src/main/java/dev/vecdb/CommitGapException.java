package dev.vecdb;

/**
 * A follower was given a commit that does not follow its last applied one: commits are missing in between. Nothing
 * was applied; the follower stays at commit {@link #expected()} {@code - 1} and needs the commits from
 * {@link #expected()} on (or a new snapshot when they are no longer available).
 */
public class CommitGapException extends VecdbException {
  private static final long serialVersionUID = 1L;

  private final long expected;
  private final long found;

  /**
   * @param message what was refused, naming the database
   * @param expected the number of the next commit the follower can apply
   * @param found the number of the commit it was given
   */
  public CommitGapException(String message, long expected, long found) {
    super(message);
    this.expected = expected;
    this.found = found;
  }

  /** The number of the next commit the follower can apply: its commit number plus one. */
  public long expected() {
    return expected;
  }

  /** The number of the commit it was given (greater than {@link #expected()}). */
  public long found() {
    return found;
  }
}

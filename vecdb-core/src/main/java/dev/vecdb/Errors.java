package dev.vecdb;

import dev.vecdb.internal.Exceptions;

/**
 * Builds the exceptions only the public API's package throws (a replica's commit gap), formatted by
 * {@link Exceptions#format} (as H2's {@code DataUtils} does for MVStore); the kinds every package throws are built by
 * {@link Exceptions} itself.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class Errors {
  private Errors() {}

  /**
   * A {@link CommitGapException} with the formatted message: the follower can apply commit {@code expected} next and
   * was given {@code found}.
   */
  static CommitGapException commitGap(long expected, long found, String template, Object... args) {
    return new CommitGapException(Exceptions.format(template, args), expected, found);
  }
}

package dev.vecdb.compute;

import dev.vecdb.internal.Exceptions;

/**
 * Builds the exceptions only computed vectors throw (a computation that cannot produce a value), formatted by
 * {@link Exceptions#format} (as H2's {@code DataUtils} does for MVStore); the kinds every package throws are built by
 * {@link Exceptions} itself.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class ComputeErrors {
  private ComputeErrors() {}

  /** A {@link ComputeException} with the formatted message. */
  static ComputeException compute(String template, Object... args) {
    return new ComputeException(Exceptions.format(template, args));
  }
}

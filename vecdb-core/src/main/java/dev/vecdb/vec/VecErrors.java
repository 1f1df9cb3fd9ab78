package dev.vecdb.vec;

import dev.vecdb.ConcurrentMutationException;
import dev.vecdb.MismatchException;
import dev.vecdb.internal.Exceptions;

/**
 * Builds the exceptions only stored vectors throw (a vector opened with another layout, a concurrent mutation),
 * formatted by {@link Exceptions#format} (as H2's {@code DataUtils} does for MVStore); the kinds every package throws
 * are built by {@link Exceptions} itself.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class VecErrors {
  private VecErrors() {}

  /**
   * A {@link ConcurrentMutationException}: thread {@code intruder} tried to mutate {@code vector} while thread
   * {@code owner} (null if it let go meanwhile) owns it.
   */
  static ConcurrentMutationException concurrentMutation(String vector, Thread owner, Thread intruder) {
    return new ConcurrentMutationException(Exceptions.format("vector '%s' is being written by thread '%s' (it owns"
        + " the vector until its next write() or flush()); thread '%s' may not mutate it meanwhile", vector,
        (owner == null ? "?" : owner.getName()), intruder.getName()));
  }

  /** A {@link MismatchException} with the formatted message. */
  static MismatchException mismatch(String template, Object... args) {
    return new MismatchException(Exceptions.format(template, args));
  }
}

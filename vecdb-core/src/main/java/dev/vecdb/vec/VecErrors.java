package dev.vecdb.vec;

import dev.vecdb.ClosedException;
import dev.vecdb.ConcurrentMutationException;
import dev.vecdb.CorruptionException;
import dev.vecdb.HoleException;
import dev.vecdb.InvalidNameException;
import dev.vecdb.MismatchException;
import dev.vecdb.NotFoundException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.ReadOnlyException;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Builds the messages of the exceptions thrown by stored vectors, in one place (as H2's {@code DataUtils} does for
 * MVStore): a call site names the exception kind, a message template and its arguments. A template is a
 * {@link String#format} pattern with {@code %s} for every argument (formatted as string concatenation would,
 * locale-independent); the message starts with what failed (database directory, vector or region) and says why.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class VecErrors {
  private VecErrors() {}

  /** A {@link ClosedException} with the formatted message. */
  static ClosedException closed(String template, Object... args) {
    return new ClosedException(format(template, args));
  }

  /** A {@link ConcurrentMutationException} with the formatted message. */
  static ConcurrentMutationException concurrentMutation(String template, Object... args) {
    return new ConcurrentMutationException(format(template, args));
  }

  /** A {@link CorruptionException} with the formatted message. */
  static CorruptionException corruption(String template, Object... args) {
    return new CorruptionException(format(template, args));
  }

  /** A {@link CorruptionException} with the formatted message and its cause. */
  static CorruptionException corruption(Throwable cause, String template, Object... args) {
    return new CorruptionException(format(template, args), cause);
  }

  /** A {@link HoleException} with the formatted message. */
  static HoleException hole(String template, Object... args) {
    return new HoleException(format(template, args));
  }

  /** An {@link IllegalArgumentException} with the formatted message. */
  static IllegalArgumentException illegalArgument(String template, Object... args) {
    return new IllegalArgumentException(format(template, args));
  }

  /** An {@link IllegalStateException} with the formatted message. */
  static IllegalStateException illegalState(String template, Object... args) {
    return new IllegalStateException(format(template, args));
  }

  /** An {@link InvalidNameException} with the formatted message. */
  static InvalidNameException invalidName(String template, Object... args) {
    return new InvalidNameException(format(template, args));
  }

  /** A {@link MismatchException} with the formatted message. */
  static MismatchException mismatch(String template, Object... args) {
    return new MismatchException(format(template, args));
  }

  /** A {@link NoSuchElementException} with the formatted message. */
  static NoSuchElementException noSuchElement(String template, Object... args) {
    return new NoSuchElementException(format(template, args));
  }

  /** A {@link NotFoundException} with the formatted message. */
  static NotFoundException notFound(String template, Object... args) {
    return new NotFoundException(format(template, args));
  }

  /** A {@link OutOfRangeException} with the formatted message. */
  static OutOfRangeException outOfRange(String template, Object... args) {
    return new OutOfRangeException(format(template, args));
  }

  /** A {@link ReadOnlyException} with the formatted message. */
  static ReadOnlyException readOnly(String template, Object... args) {
    return new ReadOnlyException(format(template, args));
  }

  /** An {@link UnsupportedOperationException} with the formatted message. */
  static UnsupportedOperationException unsupported(String template, Object... args) {
    return new UnsupportedOperationException(format(template, args));
  }

  private static String format(String template, Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}

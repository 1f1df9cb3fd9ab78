package dev.vecdb.internal;

import dev.vecdb.ClosedException;
import dev.vecdb.CorruptionException;
import dev.vecdb.HoleException;
import dev.vecdb.InvalidNameException;
import dev.vecdb.NotFoundException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.ReadOnlyException;
import dev.vecdb.UnsupportedFormatVersionException;
import java.io.IOException;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Builds the exceptions the engine's packages throw, with their messages, in one place (as H2's
 * {@code DataUtils.newMVStoreException} does for MVStore): a call site names the exception kind, a message template
 * and its arguments. A template is a {@link String#format} pattern with {@code %s} for every argument (formatted as
 * string concatenation would, locale-independent); the message starts with what failed (database directory, vector
 * or region) and says why.
 *
 * <p>This class holds the kinds more than one package throws (the JDK's argument, state and I/O exceptions, and the
 * {@link dev.vecdb.VecdbException} family members the store and the vectors share); each package's own
 * package-private factory ({@code StoreErrors}, {@code VecErrors}, {@code PcoErrors}, ...) holds the kinds only that
 * package throws and formats through {@link #format}.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
public final class Exceptions {
  private Exceptions() {}

  /** The message {@code template} with {@code args}, locale-independent. */
  public static String format(String template, Object... args) {
    return String.format(Locale.ROOT, template, args);
  }

  /** A {@link ClosedException} with the formatted message. */
  public static ClosedException closed(String template, Object... args) {
    return new ClosedException(format(template, args));
  }

  /** A {@link CorruptionException} with the formatted message. */
  public static CorruptionException corruption(String template, Object... args) {
    return new CorruptionException(format(template, args));
  }

  /** A {@link CorruptionException} with the formatted message and its cause. */
  public static CorruptionException corruption(Throwable cause, String template, Object... args) {
    return new CorruptionException(format(template, args), cause);
  }

  /** A {@link HoleException} with the formatted message. */
  public static HoleException hole(String template, Object... args) {
    return new HoleException(format(template, args));
  }

  /** An {@link IllegalArgumentException} with the formatted message. */
  public static IllegalArgumentException illegalArgument(String template, Object... args) {
    return new IllegalArgumentException(format(template, args));
  }

  /** An {@link IllegalArgumentException} with the formatted message and its cause. */
  public static IllegalArgumentException illegalArgument(Throwable cause, String template, Object... args) {
    return new IllegalArgumentException(format(template, args), cause);
  }

  /** An {@link IllegalStateException} with the formatted message. */
  public static IllegalStateException illegalState(String template, Object... args) {
    return new IllegalStateException(format(template, args));
  }

  /** An {@link IllegalStateException} with the formatted message and its cause. */
  public static IllegalStateException illegalState(Throwable cause, String template, Object... args) {
    return new IllegalStateException(format(template, args), cause);
  }

  /** An {@link IndexOutOfBoundsException} with the formatted message. */
  public static IndexOutOfBoundsException indexOutOfBounds(String template, Object... args) {
    return new IndexOutOfBoundsException(format(template, args));
  }

  /** An {@link InvalidNameException} with the formatted message. */
  public static InvalidNameException invalidName(String template, Object... args) {
    return new InvalidNameException(format(template, args));
  }

  /** An {@link IOException} with the formatted message. */
  public static IOException io(String template, Object... args) {
    return new IOException(format(template, args));
  }

  /** An {@link IOException} with the formatted message and its cause. */
  public static IOException io(Throwable cause, String template, Object... args) {
    return new IOException(format(template, args), cause);
  }

  /** A {@link NoSuchElementException} with the formatted message. */
  public static NoSuchElementException noSuchElement(String template, Object... args) {
    return new NoSuchElementException(format(template, args));
  }

  /** A {@link NotFoundException} with the formatted message. */
  public static NotFoundException notFound(String template, Object... args) {
    return new NotFoundException(format(template, args));
  }

  /** An {@link OutOfRangeException} with the formatted message. */
  public static OutOfRangeException outOfRange(String template, Object... args) {
    return new OutOfRangeException(format(template, args));
  }

  /** A {@link ReadOnlyException} with the formatted message. */
  public static ReadOnlyException readOnly(String template, Object... args) {
    return new ReadOnlyException(format(template, args));
  }

  /** An {@link UnsupportedOperationException} with the formatted message. */
  public static UnsupportedOperationException unsupported(String template, Object... args) {
    return new UnsupportedOperationException(format(template, args));
  }

  /**
   * An {@link UnsupportedFormatVersionException} whose {@code where} (the file or vector and the structure) is the
   * formatted template.
   */
  public static UnsupportedFormatVersionException unsupportedFormatVersion(int found, int supported, String template,
      Object... args) {
    return new UnsupportedFormatVersionException(format(template, args), found, supported);
  }

  /** An {@link ArithmeticException} with the formatted message. */
  public static ArithmeticException arithmetic(String template, Object... args) {
    return new ArithmeticException(format(template, args));
  }
}

package dev.vecdb.store;

import dev.vecdb.AlreadyExistsException;
import dev.vecdb.ClosedException;
import dev.vecdb.CorruptionException;
import dev.vecdb.DatabaseLockedException;
import dev.vecdb.InvalidNameException;
import dev.vecdb.NotFoundException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.ReadOnlyException;
import dev.vecdb.StorageException;
import java.io.IOException;
import java.util.Locale;

/**
 * Builds the messages of the exceptions thrown by the region store, in one place (as H2's {@code DataUtils} does for
 * MVStore): a call site names the exception kind, a message template and its arguments. A template is a
 * {@link String#format} pattern with {@code %s} for every argument (formatted as string concatenation would,
 * locale-independent); the message starts with what failed (database directory, vector or region) and says why.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class StoreErrors {
  private StoreErrors() {}

  /** A {@link AlreadyExistsException} with the formatted message. */
  static AlreadyExistsException alreadyExists(String template, Object... args) {
    return new AlreadyExistsException(format(template, args));
  }

  /** A {@link ClosedException} with the formatted message. */
  static ClosedException closed(String template, Object... args) {
    return new ClosedException(format(template, args));
  }

  /** A {@link CorruptionException} with the formatted message. */
  static CorruptionException corruption(String template, Object... args) {
    return new CorruptionException(format(template, args));
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

  /** An {@link IOException} with the formatted message. */
  static IOException io(String template, Object... args) {
    return new IOException(format(template, args));
  }

  /** An {@link IOException} with the formatted message and its cause. */
  static IOException io(Throwable cause, String template, Object... args) {
    return new IOException(format(template, args), cause);
  }

  /** A {@link DatabaseLockedException} with the formatted message. */
  static DatabaseLockedException locked(String template, Object... args) {
    return new DatabaseLockedException(format(template, args));
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

  /** A {@link StorageException} with the formatted message and its cause. */
  static StorageException storage(Throwable cause, String template, Object... args) {
    return new StorageException(format(template, args), cause);
  }

  private static String format(String template, Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}

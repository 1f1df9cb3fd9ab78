package dev.vecdb.codec;

import java.util.Locale;

/**
 * Builds the messages of the exceptions thrown by the codecs, in one place (as H2's {@code DataUtils} does for
 * MVStore): a call site names the exception kind, a message template and its arguments. A template is a
 * {@link String#format} pattern with {@code %s} for every argument (formatted as string concatenation would,
 * locale-independent); the message starts with what failed (database directory, vector or region) and says why.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class CodecErrors {
  private CodecErrors() {}



  /** An {@link IllegalArgumentException} with the formatted message. */
  static IllegalArgumentException illegalArgument(String template, Object... args) {
    return new IllegalArgumentException(format(template, args));
  }

  /** An {@link IllegalArgumentException} with the formatted message and its cause. */
  static IllegalArgumentException illegalArgument(Throwable cause, String template, Object... args) {
    return new IllegalArgumentException(format(template, args), cause);
  }

  /** An {@link IllegalStateException} with the formatted message and its cause. */
  static IllegalStateException illegalState(Throwable cause, String template, Object... args) {
    return new IllegalStateException(format(template, args), cause);
  }

  private static String format(String template, Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}

package dev.vecdb.codec;

import dev.vecdb.internal.Exceptions;

/**
 * Builds the exceptions only the codecs throw (a record type no codec can be derived for), formatted by
 * {@link Exceptions#format} (as H2's {@code DataUtils} does for MVStore); the kinds every package throws are built by
 * {@link Exceptions} itself.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class CodecErrors {
  private CodecErrors() {}

  /**
   * An {@link IllegalArgumentException} saying that no codec can be derived for {@code subject} (a record, named as
   * the derivation names it), followed by the formatted reason.
   */
  static IllegalArgumentException cannotDerive(String subject, String template, Object... args) {
    return Exceptions.illegalArgument("Cannot derive a codec for %s: %s", subject, Exceptions.format(template, args));
  }

  /** As {@link #cannotDerive(String, String, Object...)}, with the failure that stopped the derivation. */
  static IllegalArgumentException cannotDerive(Throwable cause, String subject, String template, Object... args) {
    return Exceptions.illegalArgument(cause, "Cannot derive a codec for %s: %s", subject,
        Exceptions.format(template, args));
  }
}

package dev.vecdb.compress.pco;

import dev.vecdb.internal.Exceptions;

/**
 * Builds the exceptions only the pco implementation throws (a blob that cannot be decoded), formatted by
 * {@link Exceptions#format} (as H2's {@code DataUtils} does for MVStore); the kinds every package throws are built by
 * {@link Exceptions} itself.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class PcoErrors {
  private PcoErrors() {}

  /** A {@link PcoException} with the formatted message. */
  static PcoException pco(String template, Object... args) {
    return new PcoException(Exceptions.format(template, args));
  }

  /** A {@link PcoException}: the blob ends before {@code what} (a field or section of the format) is read. */
  static PcoException insufficientData(String what) {
    return pco("pco: insufficient data while reading %s", what);
  }

  /** A {@link PcoException}: the blob holds a value the format does not allow, the formatted message says which. */
  static PcoException corrupt(String template, Object... args) {
    return pco("pco: corrupt data: %s", Exceptions.format(template, args));
  }
}

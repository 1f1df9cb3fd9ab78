package dev.vecdb.compress;

import dev.vecdb.CorruptionException;
import dev.vecdb.internal.Exceptions;

/**
 * Builds the exceptions only the page codecs throw (a stored page that does not decode), formatted by
 * {@link Exceptions} (as H2's {@code DataUtils} does for MVStore), which also builds the kinds every package throws.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class CompressErrors {
  private CompressErrors() {}

  /**
   * A {@link CorruptionException}: a page of the {@code codec} format decoded to {@code found} {@code unit}s (bytes
   * or values) where its page table promised {@code expected}.
   */
  static CorruptionException decodedLength(String codec, long found, long expected, String unit) {
    return Exceptions.corruption("%s page decoded to %s %s, expected %s", codec, found, unit, expected);
  }

  /** A {@link CorruptionException}: the {@code codec}'s decompressor rejected a page with {@code cause}. */
  static CorruptionException undecodable(String codec, Exception cause) {
    return Exceptions.corruption(cause, "%s page does not decode: %s", codec, cause.getMessage());
  }
}

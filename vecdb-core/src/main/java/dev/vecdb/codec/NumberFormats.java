package dev.vecdb.codec;

import dev.vecdb.internal.Exceptions;

/**
 * Text forms of stored values, shared by the CSV and JSON export of every vector type. Each method appends to a
 * {@link StringBuilder} without building intermediate strings.
 *
 * <ul>
 *   <li>Integers are decimal; unsigned types ({@code u8} to {@code u64}) print their unsigned value, so the
 *       {@code u64} bits {@code -1L} print as {@code 18446744073709551615}.
 *   <li>Floats print the shortest decimal that parses back to the same value ({@link Double#toString(double)}
 *       and {@link Float#toString(float)}): {@code 1.0}, {@code 0.1}, {@code 1.0E20}, {@code -0.0}. In text and
 *       CSV, NaN is {@code NaN} and the infinities are {@code inf} and {@code -inf}, as in the Rust original; in
 *       JSON, which has no such numbers, they are {@code null}.
 *   <li>Byte arrays are lowercase hex, two digits per byte.
 * </ul>
 *
 * <p>None of these forms contains a comma, a quote or a line break, so CSV fields never need quoting. Stateless and
 * thread-safe.
 */
public final class NumberFormats {
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private NumberFormats() {}

  /** Appends {@code value} as a signed decimal. */
  public static void appendSigned(StringBuilder out, long value) {
    out.append(value);
  }

  /** Appends the bits of {@code value} as an unsigned 64-bit decimal: {@code -1L} → {@code 18446744073709551615}. */
  public static void appendUnsigned(StringBuilder out, long value) {
    if (value >= 0) {
      out.append(value);
      return;
    }
    long quotient = (value >>> 1) / 5;
    out.append(quotient).append((char) ('0' + (value - quotient * 10)));
  }

  /**
   * Appends integer bits of {@code type} (held in the low {@link NumberType#size()} bytes of {@code bits}) as the
   * type's decimal value: signed types sign-extended, unsigned ones zero-extended.
   *
   * @throws IllegalArgumentException if {@code type} is a float type
   */
  public static void appendInteger(StringBuilder out, NumberType type, long bits) {
    if (type.isFloating()) {
      throw Exceptions.illegalArgument("%s is not an integer type", type.label());
    }
    if (type == NumberType.U64) {
      appendUnsigned(out, bits);
    } else {
      out.append(type.widen(bits));
    }
  }

  /** Appends {@code value} for text or CSV: shortest round-trip decimal, {@code NaN}, {@code inf} or {@code -inf}. */
  public static void appendFloat(StringBuilder out, float value) {
    if (Float.isFinite(value)) {
      out.append(value);
    } else {
      appendNonFinite(out, value);
    }
  }

  /** Appends {@code value} for text or CSV: shortest round-trip decimal, {@code NaN}, {@code inf} or {@code -inf}. */
  public static void appendDouble(StringBuilder out, double value) {
    if (Double.isFinite(value)) {
      out.append(value);
    } else {
      appendNonFinite(out, value);
    }
  }

  /** Appends {@code value} as a JSON number (shortest round-trip decimal), or {@code null} if it is not finite. */
  public static void appendJsonFloat(StringBuilder out, float value) {
    if (Float.isFinite(value)) {
      out.append(value);
    } else {
      out.append("null");
    }
  }

  /** Appends {@code value} as a JSON number (shortest round-trip decimal), or {@code null} if it is not finite. */
  public static void appendJsonDouble(StringBuilder out, double value) {
    if (Double.isFinite(value)) {
      out.append(value);
    } else {
      out.append("null");
    }
  }

  /** Appends {@code bytes} as lowercase hex, two digits per byte ({@code {0, -1}} → {@code 00ff}). */
  public static void appendHex(StringBuilder out, byte[] bytes) {
    for (byte b : bytes) {
      out.append(HEX_DIGITS[(b >> 4) & 0xF]).append(HEX_DIGITS[b & 0xF]);
    }
  }

  private static void appendNonFinite(StringBuilder out, double value) {
    out.append(Double.isNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf");
  }
}

package dev.vecdb.codec;

/**
 * Text forms of numbers for CSV and JSON export. Integers print in decimal (unsigned types as unsigned); floats print
 * their shortest round-trip form ({@code 1.0}, {@code 0.1}); in CSV, NaN prints {@code NaN} and infinities
 * {@code inf} / {@code -inf}, the spelling of the Rust original; in JSON, non-finite floats print {@code null}.
 * Stateless and thread-safe.
 */
public final class NumberFormats {
  private NumberFormats() {}

  /** Appends integer {@code bits} of {@code type} (widened per the type: unsigned types as unsigned). */
  public static void appendInteger(StringBuilder out, NumberType type, long bits) {
    long value = type.widen(bits);
    if (type == NumberType.U64) {
      out.append(Long.toUnsignedString(value));
    } else {
      out.append(value);
    }
  }

  /** Appends {@code v} for CSV/text. */
  public static void appendDouble(StringBuilder out, double v) {
    if (Double.isFinite(v)) {
      out.append(v);
    } else {
      out.append(Double.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf");
    }
  }

  /** Appends {@code v} for CSV/text. */
  public static void appendFloat(StringBuilder out, float v) {
    if (Float.isFinite(v)) {
      out.append(v);
    } else {
      appendDouble(out, v);
    }
  }

  /** Appends {@code v} as a JSON value ({@code null} when not finite). */
  public static void appendJsonDouble(StringBuilder out, double v) {
    if (Double.isFinite(v)) {
      out.append(v);
    } else {
      out.append("null");
    }
  }

  /** Appends {@code v} as a JSON value ({@code null} when not finite). */
  public static void appendJsonFloat(StringBuilder out, float v) {
    if (Float.isFinite(v)) {
      out.append(v);
    } else {
      out.append("null");
    }
  }
}

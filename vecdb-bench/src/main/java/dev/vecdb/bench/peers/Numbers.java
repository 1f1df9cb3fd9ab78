package dev.vecdb.bench.peers;

import java.util.Locale;

/** Number formatting for the results tables: a few significant digits, SI prefixes for rates. */
final class Numbers {
  private Numbers() {}

  /** {@code 0.123}, {@code 1.23}, {@code 12.3}, {@code 1,234}. */
  static String decimal(double v) {
    if (v < 1) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    if (v < 10) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return v < 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%,.0f", v);
  }

  /** A rate with an SI prefix: {@code 12.3 M}, {@code 1.05 G}. */
  static String si(double v) {
    if (v >= 1e9) {
      return decimal(v / 1e9) + " G";
    }
    if (v >= 1e6) {
      return decimal(v / 1e6) + " M";
    }
    return v >= 1e3 ? decimal(v / 1e3) + " k" : decimal(v);
  }

  /** Bytes in kB or MB (decimal units, as the targets state them). */
  static String bytes(long b) {
    if (b < 0) {
      return "n/a";
    }
    return b >= 1_000_000 ? decimal(b / 1e6) + " MB" : decimal(b / 1e3) + " kB";
  }

  /** A ratio such as {@code 0.93×}. */
  static String ratio(double r) {
    return Double.isNaN(r) ? "–" : decimal(r) + "×";
  }
}

package dev.vecdb.vec;

/**
 * The text export every vector and reader offers, whatever its value type: a range of values as a CSV column or a
 * JSON array. Ranges are half-open and clamped; holes keep their place (an empty CSV line, a JSON {@code null}).
 */
public interface Exportable {
  /** The vector's name. */
  String name();

  /** Number of values, holes included. */
  long len();

  /** Appends the values of {@code [from, to)} as a CSV column: one value per line, an empty line at a hole. */
  StringBuilder appendCsv(StringBuilder out, long from, long to);

  /** Appends the values of {@code [from, to)} as a JSON array ({@code null} at a hole), without spaces. */
  StringBuilder appendJson(StringBuilder out, long from, long to);

  /** The CSV column of {@code [from, to)}. */
  default String toCsv(long from, long to) {
    return appendCsv(new StringBuilder(), from, to).toString();
  }

  /** The JSON array of {@code [from, to)}. */
  default String toJson(long from, long to) {
    return appendJson(new StringBuilder(), from, to).toString();
  }
}

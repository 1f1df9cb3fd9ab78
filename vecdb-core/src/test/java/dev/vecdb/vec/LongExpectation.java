package dev.vecdb.vec;

import dev.vecdb.codec.NumberType;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.OptionalLong;

/**
 * What a vector of {@code i64} or {@code u64} values (or a reader of it) should show: its values by index and its
 * hole set, with the reading API's semantics (clamped half-open ranges, holes skipped, unsigned order and text for
 * {@code u64}) spelled out the simplest way.
 *
 * @param values every value by index (the value at a hole is ignored)
 * @param holes the hole indices
 * @param type {@link NumberType#I64} or {@link NumberType#U64}
 */
record LongExpectation(List<Long> values, NavigableSet<Long> holes, NumberType type) {
  long len() {
    return values.size();
  }

  boolean isHole(long index) {
    return holes.contains(index);
  }

  long value(long index) {
    return values.get((int) index);
  }

  long clampFrom(long from) {
    return Math.min(Math.max(from, 0), len());
  }

  long clampTo(long from, long to) {
    return Math.max(clampFrom(from), Math.min(to, len()));
  }

  /** The indices of {@code [from, to)}, clamped, that are not holes. */
  List<Long> presentIndices(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = clampFrom(from); i < clampTo(from, to); i++) {
      if (!isHole(i)) {
        out.add(i);
      }
    }
    return out;
  }

  /** The values of {@code [from, to)}, clamped, holes skipped. */
  List<Long> present(long from, long to) {
    return presentIndices(from, to).stream().map(this::value).toList();
  }

  /** The values of {@code [from, to)}, clamped, with an empty optional at each hole. */
  List<OptionalLong> holed(long from, long to) {
    List<OptionalLong> out = new ArrayList<>();
    for (long i = clampFrom(from); i < clampTo(from, to); i++) {
      out.add(isHole(i) ? OptionalLong.empty() : OptionalLong.of(value(i)));
    }
    return out;
  }

  /** The type's order: unsigned for {@code u64}. */
  int compare(long a, long b) {
    return type == NumberType.U64 ? Long.compareUnsigned(a, b) : Long.compare(a, b);
  }

  /** The type's decimal text: unsigned for {@code u64}. */
  String format(long value) {
    return type == NumberType.U64 ? Long.toUnsignedString(value) : Long.toString(value);
  }

  /** The smallest (sign < 0) or largest (sign > 0) of {@code values}, the first of equals. */
  OptionalLong extreme(List<Long> values, int sign) {
    OptionalLong best = OptionalLong.empty();
    for (long v : values) {
      if (best.isEmpty() || Integer.signum(compare(v, best.getAsLong())) == sign) {
        best = OptionalLong.of(v);
      }
    }
    return best;
  }

  /** The wrapping sum of {@code values}. */
  static long sum(List<Long> values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  String csv(long from, long to) {
    StringBuilder out = new StringBuilder();
    for (OptionalLong v : holed(from, to)) {
      v.ifPresent(x -> out.append(format(x)));
      out.append('\n');
    }
    return out.toString();
  }

  String json(long from, long to) {
    List<String> items = holed(from, to).stream().map(v -> v.isPresent() ? format(v.getAsLong()) : "null").toList();
    return "[" + String.join(",", items) + "]";
  }
}

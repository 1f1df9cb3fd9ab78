package dev.vecdb.fuzz;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.Internals;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.store.Region;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The database the corruption fuzz damages: one {@code i64} vector per format, each with several pages of values,
 * holes, three stamped writes with change sets (pushes, updates, deletes, a truncation) and flushed unstamped
 * changes after the last stamp (a change baseline). {@link #observe} reads everything a user can read — values with
 * holes, stamp, change stamps — then rolls back once and reads it all again.
 */
final class FuzzDatabase {
  static final List<Format> FORMATS = List.of(Format.BYTES, Format.ZERO_COPY, Format.PCO, Format.LZ4, Format.ZSTD);
  private static final int VALUES = 5_000;

  /** Where a region lives in the data file, and whether its bytes past the header are unchecksummed raw values. */
  record Extent(String id, long start, long length, boolean rawValues) {}

  /** What one vector shows before and after a rollback. */
  record VecState(String values, long len, String holes, long stamp, String sets, String rolledValues,
      long rolledLen, String rolledHoles, long rolledStamp) {
    /** Whether equal to {@code other}, ignoring values when {@code valuesUnchecked}. */
    boolean matches(VecState other, boolean valuesUnchecked) {
      boolean shape = len == other.len && holes.equals(other.holes) && stamp == other.stamp
          && sets.equals(other.sets) && rolledLen == other.rolledLen && rolledHoles.equals(other.rolledHoles)
          && rolledStamp == other.rolledStamp;
      return shape && (valuesUnchecked || (values.equals(other.values) && rolledValues.equals(other.rolledValues)));
    }
  }

  private FuzzDatabase() {}

  static VecOptions options(Format format) {
    return VecOptions.of(format).withSavedStampedChanges(3);
  }

  static String name(Format format) {
    return format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Builds the database in {@code dir}; returns the extents of its regions. */
  static List<Extent> build(Path dir) {
    try (Database db = Database.open(dir)) {
      for (Format format : FORMATS) {
        LongVec v = db.longVec(name(format), NumberType.I64, options(format));
        for (long i = 0; i < VALUES; i++) {
          v.push(i * 7 - 3_000);
        }
        v.stampedWriteWithChanges(1);
        for (long i = 0; i < 40; i++) {
          v.update(i * 97, -i);
          v.delete(i * 113 + 1);
        }
        v.stampedWriteWithChanges(2);
        v.truncate(VALUES - 700);
        v.push(42);
        v.update(2_500, 1);
        v.stampedWriteWithChanges(3);
        v.update(10, 10);
        v.delete(4_000);
        v.push(43);
        v.flush();
      }
      List<Extent> extents = new ArrayList<>();
      for (Region r : Internals.regions(db).regions()) {
        boolean raw = r.id().equals(name(Format.BYTES)) || r.id().equals(name(Format.ZERO_COPY));
        extents.add(new Extent(r.id(), r.start(), r.length(), raw));
      }
      return extents;
    }
  }

  /** Opens every vector, reads it all, rolls back once and reads it all again. */
  static Map<String, VecState> observe(Database db) {
    Map<String, VecState> states = new LinkedHashMap<>();
    for (Format format : FORMATS) {
      LongVec v = db.longVec(name(format), NumberType.I64, options(format));
      String values = values(v);
      long len = v.len();
      String holes = java.util.Arrays.toString(v.holes());
      long stamp = v.stamp();
      String sets = v.changeStamps().toString();
      v.rollback();
      states.put(v.name(), new VecState(values, len, holes, stamp, sets, values(v), v.len(),
          java.util.Arrays.toString(v.holes()), v.stamp()));
    }
    return states;
  }

  private static String values(LongVec v) {
    StringBuilder out = new StringBuilder();
    for (OptionalLong value : v.collectHoled(0, v.len())) {
      out.append(value.isPresent() ? Long.toString(value.getAsLong()) : "_").append(',');
    }
    out.append(v.fold(0, v.len(), 0L, Long::sum));
    return out.toString();
  }
}

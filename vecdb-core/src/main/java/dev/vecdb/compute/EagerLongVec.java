package dev.vecdb.compute;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.util.function.LongPredicate;

/**
 * An eager vector of {@code i64} or {@code u64} values: counts, positions, integer sums. On top of
 * {@link EagerLongBase} and {@link EagerLongStats} it adds the integer-only computations: integer division, the first
 * position per index, and the counts. Integer sums wrap on overflow (the saturating index sums excepted);
 * subtraction fails with a {@link ComputeException} where the original panics. A {@code u64} vector compares as
 * unsigned. See {@link EagerVec} for the framework and threads.
 */
public final class EagerLongVec extends EagerLongStats {
  private final boolean unsigned;

  private EagerLongVec(LongVec vec) {
    super(vec);
    this.unsigned = vec.type() == NumberType.U64;
  }

  /** Opens (creating if needed) the stored vector {@code name} ({@code i64} or {@code u64}, any format) as eager. */
  public static EagerLongVec open(Database database, String name, NumberType type, VecOptions options) {
    return new EagerLongVec(database.longVec(name, type, options));
  }

  /** Computes into an already opened vector. */
  public static EagerLongVec wrap(LongVec vec) {
    return new EagerLongVec(vec);
  }

  @Override
  int compare(long a, long b) {
    return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
  }

  @Override
  long minus(long index, long a, long b) {
    if (unsigned) {
      if (Long.compareUnsigned(a, b) < 0) {
        throw failure(index, "unsigned subtraction underflows: " + Long.toUnsignedString(a) + " - "
            + Long.toUnsignedString(b));
      }
      return a - b;
    }
    long result = a - b;
    if (((a ^ b) & (a ^ result)) < 0) {
      throw failure(index, "subtraction overflows: " + a + " - " + b);
    }
    return result;
  }

  @Override
  long plusSaturating(long a, long b) {
    long result = a + b;
    if (unsigned) {
      return Long.compareUnsigned(result, a) < 0 ? -1L : result;
    }
    if (((a ^ result) & (b ^ result)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return result;
  }

  /**
   * {@code out[i] = a[i] / b[i]} (integer division, unsigned for {@code u64}).
   *
   * @throws ComputeException on a division by zero
   */
  public void computeDivide(long maxFrom, ComputeSource a, ComputeSource b) {
    begin(versions(a, b), maxFrom);
    ComputeLongSeries x = new ComputeLongSeries(a);
    ComputeLongSeries y = new ComputeLongSeries(b);
    run(end(a, b), (from, end) -> {
      for (long i = from; i < end; i++) {
        long divisor = y.at(i);
        if (divisor == 0) {
          throw failure(i, "division by zero");
        }
        emit(unsigned ? Long.divideUnsigned(x.at(i), divisor) : x.at(i) / divisor);
      }
      return end;
    });
  }

  /**
   * Inverts a non-decreasing index vector: {@code out[i]} = the first position {@code j} of {@code other} whose value
   * is {@code i}; an index never seen gets the next position (an empty range). Here {@code maxFrom} is a position of
   * {@code other}: positions from there are rescanned and the outputs that depend on them recomputed.
   *
   * @throws ComputeException if {@code other} decreases
   */
  public void computeFirstPerIndex(long maxFrom, ComputeSource other) {
    long len = begin(other.version(), Long.MAX_VALUE);
    long scanFrom = len == 0 ? 0 : Math.min(vec.get(len - 1), maxFrom);
    vec.truncate(firstOutputAtOrAfter(scanFrom));
    ComputeLongSeries targets = new ComputeLongSeries(other);
    long end = other.len();
    long previous = scanFrom == 0 ? 0 : targets.at(scanFrom - 1);
    for (long j = scanFrom; j < end; j++) {
      long target = targets.at(j);
      if (target < previous) {
        throw failure(vec.len(), "source '" + other.name() + "' decreases at position " + j + ": " + target
            + " after " + previous);
      }
      previous = target;
      while (vec.len() <= target) {
        vec.push(j);
      }
      if (batchDue(j - scanFrom + 1) && !commit()) {
        return;
      }
    }
    commit();
  }

  /** The first output index whose position is {@code >= position} (outputs are non-decreasing). */
  private long firstOutputAtOrAfter(long position) {
    long lo = 0;
    long hi = vec.len();
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (vec.get(mid) < position) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** {@code out[i]} = how many of {@code s[0 ..= i]} satisfy {@code predicate}. */
  public void computeCumulativeCount(long maxFrom, ComputeSource s, LongPredicate predicate) {
    computeCumulativeCountFrom(maxFrom, s, 0, predicate);
  }

  /** {@code out[i]} = how many of {@code s[start ..= i]} satisfy {@code predicate}; 0 before {@code start}. */
  public void computeCumulativeCountFrom(long maxFrom, ComputeSource s, long start, LongPredicate predicate) {
    long skip = begin(s.version(), maxFrom);
    ComputeLongSeries values = new ComputeLongSeries(s);
    long[] count = {previous(skip, 0)};
    run(s.len(), (from, end) -> {
      long n = count[0];
      for (long i = from; i < end; i++) {
        if (i >= start && predicate.test(values.at(i))) {
          n++;
        }
        emit(n);
      }
      count[0] = n;
      return end;
    });
  }

  /** {@code out[i]} = how many of the last {@code window} values of {@code s} satisfy {@code predicate}. */
  public void computeRollingCount(long maxFrom, ComputeSource s, long window, LongPredicate predicate) {
    requirePositive("window", window);
    long skip = begin(s.version(), maxFrom);
    ComputeLongSeries cur = new ComputeLongSeries(s);
    ComputeLongSeries leaving = new ComputeLongSeries(s);
    long[] count = {previous(skip, 0)};
    run(s.len(), (from, end) -> {
      long n = count[0];
      for (long i = from; i < end; i++) {
        if (i >= window && predicate.test(leaving.at(i - window))) {
          n--;
        }
        if (predicate.test(cur.at(i))) {
          n++;
        }
        emit(n);
      }
      count[0] = n;
      return end;
    });
  }

  /**
   * {@code out[i] = firstIndexes[i + 1] - firstIndexes[i]}: the size of each group; the last group ends at
   * {@code other.len()}.
   */
  public void computeCountFromIndexes(long maxFrom, ComputeSource firstIndexes, ComputeSource other) {
    computeFilteredCountFromIndexes(maxFrom, firstIndexes, other, null);
  }

  /**
   * The number of positions {@code j} of each group ({@link #computeCountFromIndexes}) that {@code filter} accepts
   * ({@code null}: every position).
   */
  public void computeFilteredCountFromIndexes(long maxFrom, ComputeSource firstIndexes, ComputeSource other,
      LongPredicate filter) {
    begin(versions(firstIndexes, other), maxFrom);
    ComputeLongSeries first = new ComputeLongSeries(firstIndexes);
    run(firstIndexes.len(), (from, end) -> {
      long groups = firstIndexes.len();
      for (long i = from; i < end; i++) {
        long start = first.at(i);
        long next = i + 1 < groups ? first.at(i + 1) : other.len();
        long n = 0;
        if (filter == null) {
          n = Math.max(0, next - start);
        } else {
          for (long j = start; j < next; j++) {
            if (filter.test(j)) {
              n++;
            }
          }
        }
        emit(n);
      }
      return end;
    });
  }
}

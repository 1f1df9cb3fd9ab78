package dev.vecdb.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Multi-value reads of lazy vectors over readers while the writer truncates, updates, pushes and writes their
 * sources: every read must see one published state of each source. Every value written encodes its index and the
 * round (generation) that wrote it, and every published state of a source holds one generation only, so a read that
 * mixes two states of a source, or reads past the end of the state it took its length from, is detected. Covers
 * {@code from2} over two readers, a delta, a sparse aggregation, a lazy vector over a lazy vector and caches of one
 * (copying, and refused by their budget).
 */
class LazySnapshotTest {
  /** Values are {@code generation * M + index}. */
  private static final long M = 1L << 20;
  private static final int ROUNDS = 120;
  private static final int MAX_LEN = 3000;
  private static final int READERS = 2;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "PCO"})
  void everyReadSeesOneStateOfEachSource(Format format) throws Exception {
    VecOptions options = VecOptions.of(format);
    try (Database db = Database.open(dir)) {
      LongVec a = db.longVec("a", NumberType.I64, options);
      LongVec b = db.longVec("b", NumberType.I64, options);
      LongVec starts = db.longVec("starts", NumberType.I64, options);
      LongVec firsts = db.longVec("firsts", NumberType.I64, options);
      LongVec fine = db.longVec("fine", NumberType.I64, options);
      Random random = new Random(42);
      round(a, 0, MAX_LEN, i -> i);
      round(b, 0, MAX_LEN, i -> i);
      round(starts, 0, MAX_LEN, i -> i);
      round(firsts, 0, MAX_LEN / 4, i -> i * 2);
      round(fine, 0, MAX_LEN, i -> i);
      try (LongReader ra = a.reader(); LongReader rb = b.reader(); LongReader rs = starts.reader();
          LongReader rf = firsts.reader(); LongReader rv = fine.reader();
          ExecutorService threads = Executors.newFixedThreadPool(READERS)) {
        LazyLongFrom pairs = LazyLongFrom.from2("pairs", 0, LazyLongSource.of(ra), LazyLongSource.of(rb),
            (i, x, y) -> x % M == i && y % M == i ? (x / M) * M + y / M : -1);
        LazyLongDelta change = LazyDeltas.change("change", 0, LazyLongSource.of(ra), LazyLongSource.of(rs));
        SparseLongAgg last = SparseLongAgg.last("last", 0, LazyLongSource.of(rf), LazyLongSource.of(rv));
        List<LazyLongVec> sameAsPairs = List.of(LazyLongFrom.identity("over-pairs", 0, LazyLongSource.of(pairs)),
            CachedLongVec.wrap(pairs), CachedLongVec.wrapBudgeted(pairs, count -> false));
        AtomicBoolean done = new AtomicBoolean();
        List<Future<Long>> reads = new ArrayList<>();
        for (int t = 0; t < READERS; t++) {
          reads.add(threads.submit(() -> readUntilDone(pairs, sameAsPairs, change, last, done)));
        }
        try {
          for (int g = 1; g <= ROUNDS; g++) {
            int gen = g;
            round(a, g, 1 + random.nextInt(MAX_LEN), i -> i);
            round(b, g, 1 + random.nextInt(MAX_LEN), i -> i);
            round(starts, g, 1 + random.nextInt(MAX_LEN), h -> Math.max(0, h - gen % 4));
            int width = 2 + g % 3;
            round(firsts, g, 1 + random.nextInt(MAX_LEN / 4), c -> c * width);
            round(fine, g, 1 + random.nextInt(MAX_LEN), j -> j);
          }
        } finally {
          done.set(true);
        }
        for (Future<Long> read : reads) {
          assertThat(read.get()).as("reads completed").isPositive();
        }
      }
    }
  }

  /** A function of the index giving the index part of a value (the whole value for {@code starts}, {@code firsts}). */
  @FunctionalInterface
  private interface Values {
    long at(long index);
  }

  /**
   * Makes {@code vec} hold {@code len} values of generation {@code g} in one write: truncates to a random part of its
   * length, updates what remains and pushes the rest. {@code a}, {@code b} and {@code fine} get {@code g * M + v},
   * the index vectors {@code v} itself (their generation shows in the shape).
   */
  private static void round(LongVec vec, int g, long len, Values values) {
    boolean indices = vec.name().equals("starts") || vec.name().equals("firsts");
    long generation = indices ? 0 : g * M;
    long keep = Math.min(vec.len(), len / 2);
    vec.truncate(keep);
    for (long i = 0; i < keep; i++) {
      vec.update(i, generation + values.at(i));
    }
    for (long i = keep; i < len; i++) {
      vec.push(generation + values.at(i));
    }
    vec.write();
  }

  private static long readUntilDone(LazyLongFrom pairs, List<LazyLongVec> sameAsPairs, LazyLongDelta change,
      SparseLongAgg last, AtomicBoolean done) {
    long reads = 0;
    while (!done.get()) {
      checkPairs(pairs.collect());
      checkPairs(csvValues(pairs.toCsv(0, Long.MAX_VALUE)));
      checkPairs(pairs.stream().toArray());
      long count = pairs.fold(0L, (n, v) -> v == -1 ? Long.MIN_VALUE : n + 1);
      assertThat(count).as("a fold sees no mixed value").isNotNegative();
      for (LazyLongVec vector : sameAsPairs) {
        checkPairs(vector.collect());
        checkPairs(csvValues(vector.toCsv(0, Long.MAX_VALUE)));
      }
      checkChange(change.collect());
      checkChange(csvValues(change.toCsv(0, Long.MAX_VALUE)));
      checkLast(last.collect());
      checkLast(jsonValues(last.toJson(0, Long.MAX_VALUE)));
      reads++;
    }
    return reads;
  }

  private static long[] csvValues(String csv) {
    return csv.lines().filter(line -> !line.isEmpty()).mapToLong(Long::parseLong).toArray();
  }

  /** The values of a JSON array, holes ({@code null}) skipped. */
  private static long[] jsonValues(String json) {
    String items = json.substring(1, json.length() - 1);
    return items.isEmpty() ? new long[0]
        : Arrays.stream(items.split(",")).filter(item -> !item.equals("null")).mapToLong(Long::parseLong).toArray();
  }

  /** Each value pairs the generations of {@code a} and {@code b}, the same for the whole read. */
  private static void checkPairs(long[] values) {
    for (int i = 0; i < values.length; i++) {
      assertThat(values[i]).as("pair %d of %d", i, values.length).isNotNegative().isEqualTo(values[0]);
    }
  }

  /**
   * {@code a[h] - a[start]} is {@code h - start} within one state of {@code a}, and {@code h - start} is
   * {@code min(h, d)} for the one {@code d} of a state of {@code starts}.
   */
  private static void checkChange(long[] values) {
    long d = values.length > 3 ? values[3] : -1;
    for (int h = 0; h < values.length; h++) {
      assertThat(values[h]).as("change %d of %d", h, values.length)
          .isEqualTo(h < 3 && d >= 0 ? Math.min(h, d) : h < 3 ? values[h] : d).isBetween(0L, 3L);
    }
  }

  /**
   * The last fine value of coarse range {@code c} is {@code g * M + (c + 1) * w - 1} for the one generation
   * {@code g} of a state of {@code fine} and the one width {@code w} of a state of {@code firsts}, except for the
   * last range, which ends at the end of {@code fine} (before or after {@code (c + 1) * w}).
   */
  private static void checkLast(long[] values) {
    if (values.length == 0) {
      return;
    }
    long generation = values[0] / M;
    long width = values[0] % M + 1;
    for (int c = 0; c < values.length; c++) {
      assertThat(values[c] / M).as("generation of range %d of %d", c, values.length).isEqualTo(generation);
      long end = values[c] % M + 1;
      if (c < values.length - 1) {
        assertThat(end).as("end of range %d of %d", c, values.length).isEqualTo((c + 1) * width);
      } else {
        assertThat(end).as("end of last range %d", c).isGreaterThan(c * width);
      }
    }
  }
}

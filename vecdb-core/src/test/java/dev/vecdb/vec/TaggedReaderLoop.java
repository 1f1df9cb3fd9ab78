package dev.vecdb.vec;

import dev.vecdb.HoleException;
import dev.vecdb.OutOfRangeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One reader thread of a concurrency test: through its own {@link LongReader} it reads sampled points and ranges
 * (forEach, collect, bulk read, fold) of a vector of {@link Tagged} values while the writer works, and reports to
 * {@code errors} any value that is not intact, not at its index, from a generation not yet announced, any length
 * beyond what was announced, and — when its reads fell in a stable epoch of the {@link PublishedState} — any
 * difference from exactly what was published. After the writer is done it makes one last, necessarily stable, round.
 */
final class TaggedReaderLoop implements Runnable {
  private static final int POINTS = 8;

  private final LongVec vec;
  private final PublishedState state;
  private final BooleanSupplier writerDone;
  private final Queue<String> errors;
  private final SplittableRandom random;
  private long rounds;
  private long stableRounds;

  TaggedReaderLoop(LongVec vec, PublishedState state, BooleanSupplier writerDone, Queue<String> errors, long seed) {
    this.vec = vec;
    this.state = state;
    this.writerDone = writerDone;
    this.errors = errors;
    this.random = new SplittableRandom(seed);
  }

  long rounds() {
    return rounds;
  }

  long stableRounds() {
    return stableRounds;
  }

  @Override
  public void run() {
    try (LongReader reader = vec.reader()) {
      while (!writerDone.getAsBoolean() && errors.size() < 20) {
        round(reader, false);
      }
      round(reader, true);
    } catch (RuntimeException | AssertionError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      errors.add(Thread.currentThread().getName() + " round " + rounds + ": " + trace);
    }
  }

  private void round(LongReader reader, boolean mustBeStable) {
    rounds++;
    long e1 = state.epoch();
    long len = reader.len();
    long[] points = new long[POINTS];
    long[] got = new long[POINTS];
    int[] kinds = new int[POINTS];
    for (int k = 0; k < POINTS; k++) {
      points[k] = k == 0 ? len - 1 : len == 0 ? 0 : random.nextLong(len);
      try {
        got[k] = reader.get(points[k]);
      } catch (HoleException e) {
        kinds[k] = 1;
      } catch (OutOfRangeException e) {
        kinds[k] = 2;
      }
    }
    long from = len == 0 ? 0 : random.nextLong(len);
    long to = from + random.nextLong(1, 3_000);
    long[] maxGeneration = {0};
    List<String> problems = new ArrayList<>();
    reader.forEach(from, to, (i, v) -> inspect("forEach", i, v, maxGeneration, problems));
    long[] collected = reader.collect(from, to);
    inspectRun("collect", from, to, collected, collected.length, maxGeneration, problems);
    long[] bulk = new long[(int) (to - from)];
    inspectRun("read", from, to, bulk, reader.read(from, bulk, 0, bulk.length), maxGeneration, problems);
    long count = reader.fold(from, to, 0L, (acc, v) -> {
      inspect("fold", Tagged.index(v), v, maxGeneration, problems);
      return acc + 1;
    });
    if (count > to - from) {
      problems.add("fold over [" + from + ", " + to + ") saw " + count + " values");
    }
    VarHandle.loadLoadFence();
    long e2 = state.epoch();
    if (len > state.announcedMaxLen()) {
      problems.add("length " + len + " was never announced (at most " + state.announcedMaxLen() + ")");
    }
    for (int k = 0; k < POINTS; k++) {
      if (kinds[k] == 0) {
        inspect("get", points[k], got[k], maxGeneration, problems);
      }
    }
    if (maxGeneration[0] > state.announcedGeneration()) {
      problems.add("generation " + maxGeneration[0] + " read before it was announced ("
          + state.announcedGeneration() + ")");
    }
    if (e1 == e2 && e1 % 2 == 0) {
      compareStable(len, points, got, kinds, from, to, collected, e1, problems);
    } else if (mustBeStable) {
      problems.add("the final round was not stable: epochs " + e1 + ", " + e2);
    }
    for (String problem : problems) {
      errors.add(Thread.currentThread().getName() + " round " + rounds + ": " + problem);
    }
  }

  /** Compares with what was published; gives up silently if the writer starts another change meanwhile. */
  private void compareStable(long len, long[] points, long[] got, int[] kinds, long from, long to, long[] collected,
      long epoch, List<String> problems) {
    List<String> found = new ArrayList<>();
    if (len != state.len()) {
      found.add("stable length " + len + ", published " + state.len());
    }
    for (int k = 0; k < POINTS; k++) {
      long i = points[k];
      int expectedKind = i < 0 || i >= len ? 2 : state.isHole(i) ? 1 : 0;
      if (kinds[k] != expectedKind || (kinds[k] == 0 && got[k] != state.value(i))) {
        found.add("stable get(" + i + ") gave kind " + kinds[k] + " value " + Long.toHexString(got[k])
            + ", published kind " + expectedKind + " value " + Long.toHexString(state.value(i)));
      }
    }
    int n = 0;
    for (long i = Math.max(0, from); i < Math.min(to, len); i++) {
      if (!state.isHole(i) && (n >= collected.length || collected[n++] != state.value(i))) {
        found.add("stable collect[" + from + ", " + to + ") differs at index " + i);
        break;
      }
    }
    if (found.isEmpty() && n != collected.length) {
      found.add("stable collect[" + from + ", " + to + ") gave " + collected.length + " values, published " + n);
    }
    if (state.epoch() == epoch) {
      stableRounds++;
      problems.addAll(found);
    }
  }

  private void inspectRun(String path, long from, long to, long[] values, int count, long[] maxGeneration,
      List<String> problems) {
    long previous = from - 1;
    for (int k = 0; k < count; k++) {
      long index = Tagged.index(values[k]);
      if (index <= previous || index >= to) {
        problems.add(path + "[" + from + ", " + to + ") value " + k + " belongs at " + index + " after " + previous);
        return;
      }
      previous = index;
      inspect(path, index, values[k], maxGeneration, problems);
    }
  }

  private static void inspect(String path, long index, long value, long[] maxGeneration, List<String> problems) {
    if (!Tagged.intact(value) || Tagged.index(value) != index) {
      problems.add(path + " at " + index + " read " + Long.toHexString(value) + ": torn or misplaced");
    }
    maxGeneration[0] = Math.max(maxGeneration[0], Tagged.generation(value));
  }
}

package dev.vecdb.vec;

import dev.vecdb.HoleException;
import dev.vecdb.OutOfRangeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * One reader thread of a {@link ReaderSoak}: random operations (point reads, forEach, fold, read, collect,
 * collectHoled, cursor, stream, JSON and CSV exports, len, last, sum) on random ranges, through a reader it shares
 * with other threads or its own (reopened every {@value #PRIVATE_ROUNDS} operations). Each operation's result is
 * compared with what it must be on each state the writer may have published while it ran ({@link SoakModel}): it
 * must equal one of them exactly. It counts operations, inconsistent ones and unexpected exceptions.
 */
final class SoakReader implements Runnable {
  private static final int PRIVATE_ROUNDS = 200;
  private static final long HOLE = -2;
  private static final long OUT_OF_RANGE = -3;
  private static final long EMPTY = -4;

  private final String format;
  private final LongVec vec;
  private final LongReader shared;
  private final SoakModel model;
  private final int slot;
  private final AtomicLongArray opStarts;
  private final BooleanSupplier stop;
  private final long deadlineNanos;
  private final SplittableRandom random;
  final List<String> problems = new ArrayList<>();
  long reads;
  long inconsistent;
  long unexpected;

  SoakReader(String format, LongVec vec, LongReader shared, SoakModel model, int slot, AtomicLongArray opStarts,
      BooleanSupplier stop, long deadlineNanos, long seed) {
    this.format = format;
    this.vec = vec;
    this.shared = shared;
    this.model = model;
    this.slot = slot;
    this.opStarts = opStarts;
    this.stop = stop;
    this.deadlineNanos = deadlineNanos;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void run() {
    while (!stop.getAsBoolean()) {
      LongReader own = shared == null ? vec.reader() : null;
      try {
        for (int k = 0; k < PRIVATE_ROUNDS && !stop.getAsBoolean(); k++) {
          operation(shared != null ? shared : own);
        }
      } finally {
        if (own != null) {
          own.close();
        }
      }
    }
  }

  private void operation(LongReader reader) {
    int op = random.nextInt(13);
    long span = Math.max(1, model.latest().len() + 100);
    long from = random.nextLong(span);
    long to = from + random.nextLong(1, 3_000);
    long g1 = model.begin(slot);
    opStarts.set(slot, System.nanoTime());
    Object got;
    try {
      got = read(reader, op, from, to);
    } catch (RuntimeException e) {
      opStarts.set(slot, 0);
      model.end(slot);
      unexpected++;
      report("op " + op + " [" + from + ", " + to + ") threw " + e);
      return;
    }
    opStarts.set(slot, 0);
    long g2 = model.announced();
    reads++;
    SoakModel.State[] candidates = model.candidates(g1, g2, System.nanoTime() + deadlineNanos);
    model.end(slot);
    for (SoakModel.State s : candidates) {
      if (Objects.deepEquals(got, expected(s, op, from, to))) {
        return;
      }
    }
    inconsistent++;
    StringBuilder why = new StringBuilder();
    for (SoakModel.State s : candidates) {
      why.append("\n  state ").append(s.gen()).append(" (len ").append(s.len()).append("): ")
          .append(difference(got, expected(s, op, from, to)));
    }
    report("op " + op + " [" + from + ", " + to + ") matches none of the states " + g1 + ".." + g2 + why);
  }

  /** Where {@code got} first differs from {@code expected}. */
  private static String difference(Object got, Object expected) {
    if (got instanceof long[] a && expected instanceof long[] b) {
      int at = java.util.Arrays.mismatch(a, b);
      return "length " + a.length + " vs " + b.length + ", first difference at " + at + ": "
          + (at < a.length ? describe(a[at]) : "-") + " vs " + (at < b.length ? describe(b[at]) : "-");
    }
    if (got instanceof String a && expected instanceof String b) {
      int at = 0;
      while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
        at++;
      }
      return "length " + a.length() + " vs " + b.length() + ", first difference at char " + at + ": "
          + abbreviate(a.substring(Math.max(0, at - 20), Math.min(a.length(), at + 40))) + " vs "
          + abbreviate(b.substring(Math.max(0, at - 20), Math.min(b.length(), at + 40)));
    }
    return abbreviate(got) + " vs " + abbreviate(expected);
  }

  private static String describe(long value) {
    return Tagged.intact(value) ? "(" + Tagged.index(value) + " gen " + Tagged.generation(value) + ")"
        : Long.toString(value);
  }

  private static Object read(LongReader r, int op, long from, long to) {
    return switch (op) {
      case 0 -> point(() -> r.get(from));
      case 1 -> {
        List<Long> out = new ArrayList<>();
        r.forEach(from, to, (i, v) -> {
          out.add(i);
          out.add(v);
        });
        yield toArray(out);
      }
      case 2 -> r.fold(from, to, 17L, (acc, v) -> acc * 31 + v);
      case 3 -> r.collect(from, to);
      case 4 -> {
        long[] dst = new long[(int) (to - from)];
        int n = r.read(from, dst, 0, dst.length);
        yield java.util.Arrays.copyOf(dst, n);
      }
      case 5 -> java.util.Arrays.stream(r.collectHoled(from, to)).mapToLong(o -> o.orElse(EMPTY)).toArray();
      case 6 -> {
        List<Long> out = new ArrayList<>();
        for (LongCursor c = r.cursor(from, to); c.hasNext(); ) {
          long v = c.nextLong();
          out.add(c.index());
          out.add(v);
        }
        yield toArray(out);
      }
      case 7 -> r.stream(from, to).toArray();
      case 8 -> r.toJson(from, to);
      case 9 -> r.toCsv(from, to);
      case 10 -> r.len();
      case 11 -> r.last().orElse(EMPTY);
      default -> r.sum(from, to);
    };
  }

  /** What {@code op} over {@code [from, to)} must give on state {@code s}. */
  private static Object expected(SoakModel.State s, int op, long from, long to) {
    long start = Math.min(from, s.len());
    long end = Math.max(start, Math.min(to, s.len()));
    return switch (op) {
      case 0 -> from >= s.len() ? OUT_OF_RANGE : s.isHole(from) ? HOLE : s.values()[(int) from];
      case 1, 6 -> LongStream.range(start, end).filter(i -> !s.isHole(i))
          .flatMap(i -> LongStream.of(i, s.values()[(int) i])).toArray();
      case 2 -> LongStream.range(start, end).filter(i -> !s.isHole(i)).map(i -> s.values()[(int) i])
          .reduce(17L, (acc, v) -> acc * 31 + v);
      case 3, 4, 7 -> LongStream.range(start, end).filter(i -> !s.isHole(i)).map(i -> s.values()[(int) i]).toArray();
      case 5 -> LongStream.range(start, end).map(i -> s.isHole(i) ? EMPTY : s.values()[(int) i]).toArray();
      case 8 -> LongStream.range(start, end).mapToObj(i -> s.isHole(i) ? "null" : text(s, i))
          .collect(Collectors.joining(",", "[", "]"));
      case 9 -> LongStream.range(start, end).mapToObj(i -> (s.isHole(i) ? "" : text(s, i)) + "\n")
          .collect(Collectors.joining());
      case 10 -> s.len();
      case 11 -> last(s);
      default -> LongStream.range(start, end).filter(i -> !s.isHole(i)).map(i -> s.values()[(int) i]).sum();
    };
  }

  private static String text(SoakModel.State s, long index) {
    return Long.toUnsignedString(s.values()[(int) index]);
  }

  private static long last(SoakModel.State s) {
    for (long i = s.len() - 1; i >= 0; i--) {
      if (!s.isHole(i)) {
        return s.values()[(int) i];
      }
    }
    return EMPTY;
  }

  private static long point(Supplier<Long> get) {
    try {
      return get.get();
    } catch (HoleException e) {
      return HOLE;
    } catch (OutOfRangeException e) {
      return OUT_OF_RANGE;
    }
  }

  private static long[] toArray(List<Long> list) {
    return list.stream().mapToLong(Long::longValue).toArray();
  }

  private static String abbreviate(Object got) {
    String s = got instanceof long[] a ? java.util.Arrays.toString(a) : String.valueOf(got);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private void report(String problem) {
    if (problems.size() < 5) {
      problems.add(format + " " + Thread.currentThread().getName() + ": " + problem);
    }
  }
}

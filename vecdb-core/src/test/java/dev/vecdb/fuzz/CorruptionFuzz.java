package dev.vecdb.fuzz;

import dev.vecdb.Database;
import dev.vecdb.MismatchException;
import dev.vecdb.NotFoundException;
import dev.vecdb.TestFiles;
import dev.vecdb.VecdbException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Seeded corruption fuzz: each trial copies the {@link FuzzDatabase}, applies one to three random {@link Damage}s,
 * then opens it, reads everything and rolls back ({@link FuzzDatabase#observe}). Outcomes:
 * <ul>
 *   <li><b>correct</b>: everything reads as in the undamaged database — except the values of a raw vector whose
 *       value bytes were damaged (raw values carry no checksum; their lengths, holes, stamps and change sets must
 *       still be right);
 *   <li><b>named</b>: an exception of the project's family, counted by type;
 *   <li><b>failure</b>: a wrong value or state from a checksummed structure, any other exception type (a
 *       {@link NotFoundException} or {@link MismatchException} for damage counts too: damage must be reported as
 *       corruption), or a trial that does not end within its deadline.
 * </ul>
 */
final class CorruptionFuzz {
  private static final long DEADLINE_SECONDS = 30;

  /** Outcome counts and the first failures, each with its seed and damage. */
  record Report(int trials, int correct, Map<String, Integer> named, List<String> failures) {
    @Override
    public String toString() {
      return trials + " trials: " + correct + " correct, " + named.values().stream().mapToInt(Integer::intValue).sum()
          + " named exceptions " + named + ", " + failures.size() + " failures";
    }
  }

  private final Path work;
  private final Path original;
  private final List<FuzzDatabase.Extent> extents;
  private final Map<String, FuzzDatabase.VecState> expected;
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "corruption-fuzz-trial");
    t.setDaemon(true);
    return t;
  });

  CorruptionFuzz(Path work) {
    this.work = work;
    this.original = work.resolve("original");
    this.extents = FuzzDatabase.build(original);
    try (Database db = Database.open(original)) {
      this.expected = FuzzDatabase.observe(db);
    }
  }

  /** Runs trials {@code first .. first + count - 1}; trial {@code t} uses seed {@code baseSeed + t}. */
  Report run(long baseSeed, int first, int count) {
    int correct = 0;
    Map<String, Integer> named = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    try {
      for (int t = first; t < first + count; t++) {
        long seed = baseSeed + t;
        String outcome = trial(seed);
        if (outcome.equals("correct")) {
          correct++;
        } else if (outcome.startsWith("named ")) {
          named.merge(outcome.substring(6), 1, Integer::sum);
        } else {
          failures.add("seed " + seed + ": " + outcome);
        }
      }
    } finally {
      runner.shutdownNow();
    }
    return new Report(count, correct, named, failures);
  }

  /** One trial: "correct", "named Type", or a failure description. */
  String trial(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Path copy = work.resolve("trial-" + seed);
    TestFiles.copyDatabase(original, copy);
    List<String> damages = new ArrayList<>();
    List<long[]> dataRanges = new ArrayList<>();
    int count = random.nextInt(3) == 0 ? random.nextInt(2, 4) : 1;
    for (int i = 0; i < count; i++) {
      Damage.Applied applied = Damage.apply(copy, extents, random);
      damages.add(applied.description());
      dataRanges.addAll(applied.dataRanges());
    }
    try {
      Future<String> future = runner.submit(() -> observe(copy, dataRanges));
      return future.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return "no outcome within " + DEADLINE_SECONDS + " s after " + damages;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted after " + damages;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return cause + " after " + damages + " at " + stackTop(cause);
    } finally {
      TestFiles.deleteTree(copy);
    }
  }

  private String observe(Path dir, List<long[]> dataRanges) {
    Map<String, FuzzDatabase.VecState> seen;
    try (Database db = Database.open(dir)) {
      seen = FuzzDatabase.observe(db);
    } catch (NotFoundException | MismatchException misreported) {
      throw misreported;
    } catch (VecdbException named) {
      return "named " + named.getClass().getSimpleName();
    }
    for (var e : expected.entrySet()) {
      FuzzDatabase.VecState actual = seen.get(e.getKey());
      if (!e.getValue().matches(actual, rawValuesDamaged(e.getKey(), dataRanges))) {
        return "wrong state of vector '" + e.getKey() + "': expected " + abbreviate(e.getValue()) + ", got "
            + abbreviate(actual);
      }
    }
    return "correct";
  }

  /** Whether a damaged range of the data file overlaps the value bytes of raw vector {@code vector}. */
  private boolean rawValuesDamaged(String vector, List<long[]> dataRanges) {
    for (FuzzDatabase.Extent e : extents) {
      if (e.id().equals(vector) && e.rawValues()) {
        long from = e.start() + 64;
        long to = e.start() + e.length();
        for (long[] r : dataRanges) {
          if (r[0] < to && r[1] > from) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String abbreviate(FuzzDatabase.VecState state) {
    String s = String.valueOf(state);
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }

  private static String stackTop(Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    return stack.length == 0 ? "?" : stack[0] + (stack.length > 1 ? " < " + stack[1] : "");
  }
}

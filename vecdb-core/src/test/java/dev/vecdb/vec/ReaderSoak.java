package dev.vecdb.vec;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Readers against writers, for a while: one {@code u64} vector per format in one database, one {@link SoakWriter}
 * thread per vector, and {@code readers} {@link SoakReader} threads spread over the vectors, sharing their vector's
 * reader or (when not all shared) every other one with a private reader. A watchdog gives every read and every
 * writer call a deadline: one that exceeds it is a stuck operation, reported with a thread dump, and ends the run.
 * A writer call's deadline is in the writer thread's CPU time (a spin), or {@value #WRITER_WALL_FACTOR} times the
 * deadline in wall time (a block): a writer waits behind 64 reader threads on 2 cores and for the disk, and calls
 * were seen to take up to 11 s of wall time for at most 8 ms of CPU time on a loaded machine.
 */
final class ReaderSoak {
  /** What a run did. */
  record Result(long reads, long inconsistent, long stuck, long unexpected, long writerRounds, List<String> problems) {
    @Override
    public String toString() {
      return reads + " reads, " + inconsistent + " inconsistent, " + stuck + " stuck, " + unexpected
          + " unexpected exceptions, " + writerRounds + " writer rounds" + (problems.isEmpty() ? "" : ": " + problems);
    }
  }

  private static final long INITIAL_LEN = 5_000;
  private static final int MIN_ROUNDS = 30;
  /** A writer call blocked this many deadlines (wall time) is stuck; the readers wait as long for its state. */
  private static final int WRITER_WALL_FACTOR = 10;

  private ReaderSoak() {}

  static Result run(Path dir, List<Format> formats, int readers, boolean allShared, Duration duration,
      Duration deadline) throws InterruptedException {
    try (Database db = Database.open(dir)) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLongArray opStarts = new AtomicLongArray(readers);
      List<SoakWriter> writers = new ArrayList<>();
      List<LongReader> sharedReaders = new ArrayList<>();
      List<SoakModel> models = new ArrayList<>();
      ConcurrentLinkedQueue<Throwable> writerFailures = new ConcurrentLinkedQueue<>();
      for (int f = 0; f < formats.size(); f++) {
        LongVec vec = db.longVec("soak-" + formats.get(f), NumberType.U64,
            VecOptions.of(formats.get(f)).withSavedStampedChanges(3));
        SoakModel model = new SoakModel(SoakWriter.fill(vec, INITIAL_LEN), readers);
        models.add(model);
        writers.add(new SoakWriter(vec, model, 1_000 + f));
        sharedReaders.add(vec.reader());
      }
      List<Thread> writerThreads = new ArrayList<>();
      for (int f = 0; f < writers.size(); f++) {
        SoakWriter writer = writers.get(f);
        writerThreads.add(Thread.ofPlatform().daemon().name("soak-writer-" + formats.get(f)).start(() -> {
          try {
            writer.run(stop::get);
          } catch (Throwable t) {
            writerFailures.add(t);
          }
        }));
      }
      List<SoakReader> loops = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int r = 0; r < readers; r++) {
        int f = r % formats.size();
        boolean shared = allShared || (r / formats.size()) % 2 == 0;
        SoakReader loop = new SoakReader(formats.get(f).toString(), db.longVec("soak-" + formats.get(f),
            NumberType.U64, VecOptions.of(formats.get(f)).withSavedStampedChanges(3)),
            shared ? sharedReaders.get(f) : null, models.get(f), r, opStarts, stop::get,
            WRITER_WALL_FACTOR * deadline.toNanos(), 7 + r);
        loops.add(loop);
        threads.add(Thread.ofPlatform().daemon().name("soak-reader-" + r + (shared ? "-shared" : "-private"))
            .start(loop));
      }
      List<String> stuck = watch(duration, deadline, opStarts, writers, writerThreads, stop);
      stop.set(true);
      for (Thread t : writerThreads) {
        t.join(WRITER_WALL_FACTOR * deadline.toMillis());
        if (t.isAlive() && stuck.isEmpty()) {
          stuck.add(t.getName() + " did not end\n" + threadDump());
        }
      }
      for (Thread t : threads) {
        t.join(deadline.toMillis());
        if (t.isAlive() && stuck.isEmpty()) {
          stuck.add(t.getName() + " did not end\n" + threadDump());
        }
      }
      sharedReaders.forEach(LongReader::close);
      List<String> problems = new ArrayList<>(stuck);
      loops.forEach(l -> problems.addAll(l.problems));
      writerFailures.forEach(t -> problems.add("writer failed: " + t));
      return new Result(loops.stream().mapToLong(l -> l.reads).sum(),
          loops.stream().mapToLong(l -> l.inconsistent).sum(), stuck.size(),
          loops.stream().mapToLong(l -> l.unexpected).sum() + writerFailures.size(),
          writers.stream().mapToLong(SoakWriter::rounds).sum(), problems);
    }
  }

  /** Waits for {@code duration}, checking every deadline; returns the stuck operations (stopping at the first). */
  private static List<String> watch(Duration duration, Duration deadline, AtomicLongArray opStarts,
      List<SoakWriter> writers, List<Thread> writerThreads, AtomicBoolean stop) throws InterruptedException {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<String> stuck = new ArrayList<>();
    long begun = System.nanoTime();
    long end = begun + duration.toNanos();
    long latest = begun + 4 * duration.toNanos();
    while ((System.nanoTime() < end || tooFewRounds(writers) && System.nanoTime() < latest) && stuck.isEmpty()) {
      Thread.sleep(200);
      long now = System.nanoTime();
      for (int r = 0; r < opStarts.length(); r++) {
        long start = opStarts.get(r);
        if (start != 0 && now - start > deadline.toNanos()) {
          stuck.add("reader " + r + " has been in one read for " + (now - start) / 1_000_000 + " ms\n" + threadDump());
        }
      }
      for (int w = 0; w < writers.size(); w++) {
        long start = writers.get(w).publishingSince();
        long spun = cpu.getThreadCpuTime(writerThreads.get(w).threadId()) - writers.get(w).publishingCpuSince();
        if (start != 0 && (spun > deadline.toNanos() || now - start > WRITER_WALL_FACTOR * deadline.toNanos())) {
          stuck.add("a writer has been in one call for " + (now - start) / 1_000_000 + " ms, " + spun / 1_000_000
              + " ms of them on a CPU\n" + threadDump());
        }
      }
    }
    stop.set(true);
    return stuck;
  }

  /** Whether a writer has not made {@value #MIN_ROUNDS} rounds yet (readers may starve it on a loaded machine). */
  private static boolean tooFewRounds(List<SoakWriter> writers) {
    return writers.stream().anyMatch(w -> w.rounds() < MIN_ROUNDS);
  }

  private static String threadDump() {
    StringBuilder out = new StringBuilder();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
      out.append(info);
    }
    return out.toString();
  }
}

package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many reader threads, each with its own {@code vec.reader()}, read a vector while one writer pushes, updates,
 * deletes, fills holes, truncates, writes and flushes in a loop. Every value carries its index and generation
 * ({@link Tagged}), so a torn, misplaced or unpublished read is detected; lengths and values read in a stable epoch
 * must be exactly what the writer published (see {@link PublishedState}, {@link TaggedReaderLoop}).
 */
class ConcurrentReadWriteTest {
  private static final int READERS = 6;
  private static final int ROUNDS = 400;
  private static final int CAPACITY = 1 << 20;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void readersNeverSeeInconsistentValues(Format format) throws InterruptedException {
    try (Database db = Database.open(dir)) {
      LongVec vec = db.longVec("tagged", NumberType.U64, VecOptions.of(format));
      PublishedState state = new PublishedState(CAPACITY);
      AtomicBoolean done = new AtomicBoolean();
      Queue<String> errors = new ConcurrentLinkedQueue<>();
      List<TaggedReaderLoop> loops = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        TaggedReaderLoop loop = new TaggedReaderLoop(vec, state, done::get, errors, 100 + r);
        loops.add(loop);
        threads.add(Thread.ofPlatform().name("reader-" + r).start(loop));
      }
      try {
        new Writer(db, vec, state, new SplittableRandom(7)).run();
      } finally {
        done.set(true);
        for (Thread t : threads) {
          t.join();
        }
      }
      assertThat(errors).as("inconsistent reads").isEmpty();
      assertThat(loops).allSatisfy(loop -> assertThat(loop.stableRounds()).as("stable rounds").isPositive());
      assertThat(loops.stream().mapToLong(TaggedReaderLoop::rounds).sum()).as("reader rounds")
          .isGreaterThan(READERS);
    }
  }

  /** The single writer: a seeded loop of mutations, each round published by one write. */
  private static final class Writer {
    private final Database db;
    private final LongVec vec;
    private final PublishedState state;
    private final SplittableRandom random;
    private final long[] current = new long[CAPACITY];
    private final TreeSet<Long> holes = new TreeSet<>();
    private int len;

    Writer(Database db, LongVec vec, PublishedState state, SplittableRandom random) {
      this.db = db;
      this.vec = vec;
      this.state = state;
      this.random = random;
    }

    void run() {
      for (long gen = 1; gen <= ROUNDS; gen++) {
        if (random.nextInt(8) == 0 && len > 0) {
          truncate(gen, random.nextInt(len / 2, len));
        }
        int pushes = random.nextInt(20, 300);
        for (int k = 0; k < pushes && len < CAPACITY; k++) {
          set(len++, gen);
          vec.push(current[len - 1]);
        }
        int stored = (int) vec.storedLen();
        for (int k = 0; k < 20 && stored > 0; k++) {
          int i = random.nextInt(stored);
          if (random.nextInt(4) == 0) {
            vec.delete(i);
            holes.add((long) i);
          } else {
            set(i, gen);
            vec.update(i, current[i]);
          }
        }
        if (random.nextBoolean()) {
          int index = (int) vec.firstEmptyIndex();
          long value = Tagged.of(index, gen);
          assertThat(vec.fillFirstHoleOrPush(value)).isEqualTo(index);
          len = Math.max(len, index + 1);
          set(index, gen);
        }
        state.begin(gen, len);
        vec.write();
        state.end(current, len, holes);
        if (gen % 50 == 0) {
          db.flush();
        }
      }
    }

    private void set(int index, long gen) {
      current[index] = Tagged.of(index, gen);
      holes.remove((long) index);
    }

    private void truncate(long gen, int newLen) {
      state.begin(gen, len);
      vec.truncate(newLen);
      len = newLen;
      holes.tailSet((long) newLen, true).clear();
      state.endTruncation(newLen);
    }
  }
}

package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#readCommitted} on a follower: a read of several vectors never mixes two commits, while a commit is
 * applied vector by vector underneath it.
 */
class ReadCommittedTest {
  private static final Format[] FORMATS = {Format.BYTES, Format.PCO, Format.LZ4};

  @TempDir Path tmp;

  /** The lengths and last values of the three vectors, as one read saw them. */
  private record Seen(long[] lengths, long[] last) {
    boolean consistent() {
      for (int i = 1; i < lengths.length; i++) {
        if (lengths[i] != lengths[0] || last[i] != last[0]) {
          return false;
        }
      }
      return true;
    }
  }

  private static Seen read(List<LongReader> readers, Runnable between) {
    long[] lengths = new long[readers.size()];
    long[] last = new long[readers.size()];
    for (int i = 0; i < readers.size(); i++) {
      if (i == 1) {
        between.run();
      }
      var state = readers.get(i).snapshot();
      lengths[i] = state.len();
      last[i] = state.len() == 0 ? -1 : state.get(state.len() - 1);
    }
    return new Seen(lengths, last);
  }

  /** One commit: every vector cut back to {@code cut} values, then {@code count} values of {@code commit} pushed. */
  private static void commit(List<LongVec> vectors, long commit, long cut, int count) {
    for (LongVec vec : vectors) {
      vec.truncate(Math.min(cut, vec.len()));
      for (int i = 0; i < count; i++) {
        vec.push(commit);
      }
      vec.write();
    }
  }

  private static List<LongVec> open(Database db) {
    List<LongVec> vectors = new ArrayList<>();
    for (Format format : FORMATS) {
      vectors.add(db.longVec("v-" + format, NumberType.I64, VecOptions.of(format)));
    }
    return vectors;
  }

  @Test
  void aReadOverlappingAnApplyRunsAgainAndSeesTheWholeCommit() throws Exception {
    try (Replica replica = Replica.open(tmp.resolve("follower"))) {
      replica.apply(1, db -> commit(open(db), 1, 0, 10));
      List<LongReader> readers = open(replica.database()).stream().map(LongVec::reader).toList();
      CountDownLatch firstVectorRead = new CountDownLatch(1);
      CountDownLatch commitApplied = new CountDownLatch(1);
      AtomicInteger runs = new AtomicInteger();
      CompletableFuture<Seen> reader = CompletableFuture.supplyAsync(() -> replica.database().readCommitted(() -> {
        boolean first = runs.incrementAndGet() == 1;
        return read(readers, () -> {
          if (first) { // the first run reads vector 0 before commit 2, and the others after its vectors are written
            firstVectorRead.countDown();
            await(commitApplied);
          }
        });
      }));
      await(firstVectorRead);
      replica.apply(2, db -> {
        commit(open(db), 2, 5, 3);
        commitApplied.countDown(); // still inside the apply: the first run finishes on a mix of commits 1 and 2
      });
      Seen seen = reader.get(30, TimeUnit.SECONDS);
      assertThat(runs).hasValue(2);
      assertThat(seen.consistent()).as("lengths %s, last values %s", seen.lengths(), seen.last()).isTrue();
      assertThat(seen.lengths()[0]).isEqualTo(8);
      assertThat(seen.last()[0]).isEqualTo(2);
    }
  }

  @Test
  void readersRacingManyAppliesNeverSeeTwoCommits() throws Exception {
    try (Replica replica = Replica.open(tmp.resolve("follower"))) {
      replica.apply(1, db -> commit(open(db), 1, 0, 1));
      List<LongReader> readers = open(replica.database()).stream().map(LongVec::reader).toList();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong reads = new AtomicLong();
      List<CompletableFuture<String>> readerThreads = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        readerThreads.add(CompletableFuture.supplyAsync(() -> {
          while (!stop.get()) {
            Seen seen = replica.database().readCommitted(() -> read(readers, () -> {}));
            reads.incrementAndGet();
            if (!seen.consistent()) {
              return "lengths " + java.util.Arrays.toString(seen.lengths()) + ", last values "
                  + java.util.Arrays.toString(seen.last());
            }
          }
          return null;
        }));
      }
      java.util.Random random = new java.util.Random(17);
      try {
        for (long c = 2; c <= 300; c++) {
          long number = c;
          replica.apply(c, db -> commit(open(db), number, random.nextInt(200), 1 + random.nextInt(400)));
        }
      } finally {
        stop.set(true);
      }
      for (CompletableFuture<String> thread : readerThreads) {
        assertThat(thread.get(60, TimeUnit.SECONDS)).isNull();
      }
      assertThat(reads.get()).isPositive();
      assertThat(replica.database().commitNumber()).isEqualTo(300);
    }
  }

  @Test
  void onAWritableDatabaseTheReadRunsOnce() {
    try (Database db = Database.open(tmp.resolve("leader"))) {
      List<LongVec> vectors = open(db);
      commit(vectors, 1, 0, 4);
      AtomicInteger runs = new AtomicInteger();
      Seen seen = db.readCommitted(() -> {
        runs.incrementAndGet();
        return read(vectors.stream().map(LongVec::reader).toList(), () -> {});
      });
      assertThat(runs).hasValue(1);
      assertThat(seen.lengths()).containsOnly(4);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

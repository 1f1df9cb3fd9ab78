package dev.vecdb.store;

import static dev.vecdb.TestFiles.crashCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.Database;
import dev.vecdb.Internals;
import dev.vecdb.InvalidNameException;
import dev.vecdb.TestFiles;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit sequence: one number per completed flush that changed something, durable and atomic with it. */
class CommitSequenceTest {
  @TempDir Path tmp;

  @Test
  void everyChangingFlushTakesTheNextNumberAndEmptyFlushesTakeNone() {
    Path dir = tmp.resolve("db");
    try (Database db = Database.open(dir)) {
      assertThat(db.commitNumber()).isZero();
      assertThat(db.flush().isEmpty()).isTrue();
      assertThat(db.commitNumber()).as("nothing to commit").isZero();
      LongVec vec = db.longVec("v", NumberType.I64, VecOptions.DEFAULT);
      vec.push(1);
      vec.write();
      db.flush();
      assertThat(db.commitNumber()).isEqualTo(1);
      assertThat(db.flush().isEmpty()).isTrue();
      vec.push(2);
      assertThat(db.flush().isEmpty()).as("pushed but not written").isTrue();
      assertThat(db.commitNumber()).isEqualTo(1);
      vec.flush();
      assertThat(db.commitNumber()).isEqualTo(2);
      Internals.regions(db).createIfNeeded("r").append(new byte[] {7});
      db.compact();
      assertThat(db.commitNumber()).as("compact() flushes").isEqualTo(3);
    }
    try (Database db = Database.open(dir)) {
      assertThat(db.commitNumber()).isEqualTo(3);
      assertThat(db.flush().isEmpty()).as("reopening changes nothing").isTrue();
      assertThat(db.commitNumber()).isEqualTo(3);
    }
  }

  @Test
  void aCrashAtAnyPointReopensWithTheNumberOfTheLastCompletedFlush() {
    Random random = new Random(17);
    Path dir = tmp.resolve("db");
    long flushed = 0;
    int crashes = 0;
    try (RegionStore store = RegionStore.open(dir)) {
      for (int step = 0; step < 400; step++) {
        Region region = store.createIfNeeded("r" + random.nextInt(4));
        int op = random.nextInt(10);
        if (op < 5) {
          region.append(TestFiles.pattern(1 + random.nextInt(9000), step));
        } else if (op < 7 && region.length() > 0) {
          region.writeAt(random.nextLong(region.length()), new byte[] {(byte) step});
        } else if (op < 8) {
          region.truncate(region.length() / 2);
        } else {
          long before = store.commitNumber();
          boolean changed = !store.flush().isEmpty();
          flushed += changed ? 1 : 0;
          assertThat(store.commitNumber()).as("after a flush that %s", changed ? "changed something" : "did nothing")
              .isEqualTo(before + (changed ? 1 : 0)).isEqualTo(flushed);
        }
        if (step % 20 == 0) {
          crashes++;
          try (RegionStore copy = RegionStore.open(crashCopy(dir, tmp.resolve("crash-" + step)))) {
            assertThat(copy.commitNumber()).as("crash after step %d", step).isEqualTo(flushed);
          }
        }
      }
    }
    assertThat(crashes).isEqualTo(20);
    assertThat(flushed).as("the workload flushed").isGreaterThan(20);
  }

  @Test
  void theSequenceRegionIsTheStoresOwnAndNoApplicationIdReachesIt() {
    try (RegionStore store = RegionStore.open(tmp.resolve("db"))) {
      store.createIfNeeded("a").append(new byte[] {1});
      store.flush();
      assertThat(store.ids()).containsExactly("a");
      assertThat(store.find(CommitSequence.REGION_ID)).isEmpty();
      assertThat(store.contains(CommitSequence.REGION_ID)).isFalse();
      assertThat(store.removeIfExists(CommitSequence.REGION_ID)).isFalse();
      assertThatThrownBy(() -> store.createIfNeeded(CommitSequence.REGION_ID))
          .isInstanceOf(InvalidNameException.class);
      assertThatThrownBy(() -> store.rename("a", CommitSequence.REGION_ID)).isInstanceOf(InvalidNameException.class);
      store.retain(java.util.Set.of());
      store.flush();
      assertThat(store.commitNumber()).isEqualTo(2);
    }
  }

  @Test
  void aDamagedSequenceIsReportedAtOpen() {
    Path dir = tmp.resolve("db");
    long start;
    try (RegionStore store = RegionStore.open(dir)) {
      store.createIfNeeded("a").append(new byte[] {1});
      store.flush();
      start = store.createInternal(CommitSequence.REGION_ID).start();
    }
    TestFiles.flipByte(dir.resolve("data"), start + 3);
    assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining(CommitSequence.REGION_ID).hasMessageContaining(dir.toString());
  }
}

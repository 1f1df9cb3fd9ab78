package dev.vecdb.store;

import static dev.vecdb.TestFiles.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst races of a hot snapshot, made deterministic: everything the writer does between the snapshot's start
 * and its data copy (several flushes that truncate and rewrite committed bytes, move and remove regions and reuse
 * what they free) must leave the copy at exactly the snapshot's commit; and a failure to save a flush's journal into
 * the copy fails the snapshot, not the flush.
 */
class SnapshotRaceTest {
  @TempDir Path tmp;

  private static Map<String, byte[]> contents(RegionStore store) {
    Map<String, byte[]> all = new TreeMap<>();
    for (String id : store.ids()) {
      all.put(id, store.get(id).readAll());
    }
    return all;
  }

  @Test
  void flushesBetweenTheStartAndTheCopyDoNotReachTheCopy() {
    Path dir = tmp.resolve("db");
    Map<String, byte[]> committed;
    long number;
    SnapshotReport report;
    try (RegionStore store = RegionStore.open(dir)) {
      store.createIfNeeded("truncated").append(pattern(20_000, 1));
      store.createIfNeeded("moved").append(pattern(5000, 2));
      store.createIfNeeded("removed").append(pattern(30_000, 3));
      store.createIfNeeded("blocker").append(pattern(100, 4));
      store.flush();
      store.get("truncated").writeAt(100, pattern(50, 5)); // unflushed when the snapshot starts
      committed = contents(store);
      committed.put("truncated", pattern(20_000, 1));
      number = store.commitNumber();
      report = store.snapshot(tmp.resolve("copy"), () -> {
        Region truncated = store.get("truncated");
        truncated.truncate(1000);
        store.flush();
        truncated.append(pattern(19_000, 6)); // rewrites committed bytes past the new committed length
        store.flush();
        store.get("moved").append(pattern(100_000, 7)); // outgrows its space: moves
        store.remove("removed");
        store.flush();
        store.createIfNeeded("reuser").append(pattern(200_000, 8)); // would reuse the freed space
        store.get("blocker").writeAt(0, pattern(100, 9));
        store.flush();
      });
      assertThat(store.commitNumber()).isEqualTo(number + 4);
    }
    assertThat(report.commitNumber()).isEqualTo(number);
    try (RegionStore copy = RegionStore.open(report.target())) {
      assertThat(copy.commitNumber()).isEqualTo(number);
      assertThat(contents(copy)).containsOnlyKeys(committed.keySet());
      committed.forEach((id, bytes) -> assertThat(copy.get(id).readAll()).as(id).isEqualTo(bytes));
    }
  }

  @Test
  void aFlushWhoseJournalTheCopyCannotSaveCommitsAndFailsOnlyTheSnapshot() throws IOException {
    Path dir = tmp.resolve("db");
    Path target = tmp.resolve("copy");
    FaultyIo io = new FaultyIo().failWhen(call -> call.kind().equals("write")
        && call.file().equals(target.resolve(RegionStore.JOURNAL)), FaultyIo::typical);
    try (RegionStore store = RegionStore.open(dir, io)) {
      store.createIfNeeded("a").append(pattern(20_000, 1));
      store.flush();
      long number = store.commitNumber();
      assertThatThrownBy(() -> store.snapshot(target, () -> {
        store.get("a").writeAt(0, pattern(5000, 2)); // journaled: the flush hands the record to the snapshot
        store.flush();
      })).isInstanceOf(StorageException.class).hasMessageContaining("cannot snapshot database")
          .hasMessageContaining("No space left");
      assertThat(io.failed()).isNotNull();
      assertThat(store.commitNumber()).as("the flush during the snapshot committed").isEqualTo(number + 1);
      try (var left = Files.list(target)) {
        assertThat(left).as("the failed snapshot's files").isEmpty();
      }
      store.get("a").writeAt(10_000, pattern(100, 3));
      store.flush();
      assertThat(store.snapshot(target).commitNumber()).isEqualTo(number + 2);
    }
    byte[] expected = pattern(20_000, 1);
    System.arraycopy(pattern(5000, 2), 0, expected, 0, 5000);
    System.arraycopy(pattern(100, 3), 0, expected, 10_000, 100);
    for (Path db : new Path[] {dir, target}) {
      try (RegionStore store = RegionStore.open(db)) {
        assertThat(store.get("a").readAll()).as(db.toString()).isEqualTo(expected);
      }
    }
  }
}

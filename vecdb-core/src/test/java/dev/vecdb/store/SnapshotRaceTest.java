package dev.vecdb.store;

import static dev.vecdb.TestFiles.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst races of a hot snapshot, made deterministic: everything the writer does between the snapshot's start
 * and its data copy (several flushes that truncate and rewrite committed bytes, move and remove regions and reuse
 * what they free) must leave the copy at exactly the snapshot's commit.
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
}

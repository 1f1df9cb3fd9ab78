package dev.vecdb.store;

import static dev.vecdb.TestFiles.crashCopy;
import static dev.vecdb.TestFiles.filled;
import static dev.vecdb.TestFiles.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.TestFiles;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flush is the commit: reopen, and a crash at any point, shows exactly the last completed flush. */
class RegionStoreDurabilityTest {
  @TempDir Path tmp;

  private Path db() {
    return tmp.resolve("db");
  }

  /** Every region's id and contents. */
  private static Map<String, byte[]> contents(RegionStore store) {
    Map<String, byte[]> all = new TreeMap<>();
    for (String id : store.ids()) {
      all.put(id, store.get(id).readAll());
    }
    return all;
  }

  private static Map<String, byte[]> contentsAfterReopen(Path dir) {
    try (RegionStore store = RegionStore.open(dir)) {
      return contents(store);
    }
  }

  /** Flushes a state with three regions and returns it. */
  private static Map<String, byte[]> flushedState(RegionStore store) {
    store.createIfNeeded("a").append(pattern(10_000, 1));
    store.createIfNeeded("b").append(pattern(3000, 2));
    store.createIfNeeded("c").append(pattern(100, 3));
    store.createIfNeeded("empty");
    store.flush();
    return contents(store);
  }

  @Test
  void flushReportsWhatItCommitted() {
    try (RegionStore store = RegionStore.open(db())) {
      assertThat(store.flush().isEmpty()).isTrue();
      Region a = store.createIfNeeded("a");
      a.append(new byte[] {1, 2, 3});
      store.createIfNeeded("b");
      assertThat(store.flush()).isEqualTo(new FlushReport(2, 3));
      assertThat(store.flush()).isEqualTo(FlushReport.EMPTY);
      a.writeAt(1, new byte[] {5, 6, 7, 8});
      assertThat(store.flush()).isEqualTo(new FlushReport(1, 4));
      a.writeAt(0, new byte[] {9});
      assertThat(store.flush()).as("same length, so no slot changed").isEqualTo(new FlushReport(0, 1));
      store.rename("b", "c");
      assertThat(store.flush()).isEqualTo(new FlushReport(1, 0));
      store.remove("c");
      assertThat(store.flush()).isEqualTo(new FlushReport(1, 0));
      assertThat(store.flush().isEmpty()).isTrue();
    }
  }

  @Test
  void everythingFlushedIsThereAfterReopen() {
    Map<String, byte[]> expected;
    try (RegionStore store = RegionStore.open(db())) {
      flushedState(store);
      Region a = store.get("a");
      a.append(pattern(50_000, 4));
      store.get("b").truncateAndWrite(10, pattern(20, 5));
      store.rename("c", "c2");
      store.remove("empty");
      store.createIfNeeded("d").append(new byte[] {7});
      store.flush();
      expected = contents(store);
    }
    assertThat(contentsAfterReopen(db())).containsExactlyInAnyOrderEntriesOf(expected);
    try (RegionStore store = RegionStore.open(db())) {
      assertThat(store.get("a").length()).isEqualTo(60_000);
      assertThat(store.get("b").length()).isEqualTo(30);
    }
  }

  @Test
  void crashBeforeFlushShowsTheLastFlushExactly() {
    Map<String, byte[]> flushed;
    try (RegionStore store = RegionStore.open(db())) {
      flushed = flushedState(store);
      Region a = store.get("a");
      a.writeAt(0, filled(5000, 0x55));
      a.writeAt(100, filled(10, 0x66));
      a.append(pattern(100_000, 9));
      Region b = store.get("b");
      b.truncate(5);
      b.append(filled(10, 0x77));
      store.get("c").writeAt(50, filled(50, 0x11));
      store.rename("c", "renamed");
      store.remove("empty");
      store.createIfNeeded("new").append(new byte[] {1});
      crashCopy(db(), tmp.resolve("crash"));
      assertThat(TestFiles.size(tmp.resolve("crash/journal"))).as("overwrites were journaled").isPositive();
    }
    assertThat(contentsAfterReopen(tmp.resolve("crash"))).containsExactlyInAnyOrderEntriesOf(flushed);
    assertThat(contentsAfterReopen(tmp.resolve("crash"))).as("recovery is complete after the first open")
        .containsExactlyInAnyOrderEntriesOf(flushed);
    assertThat(contentsAfterReopen(db())).containsExactlyInAnyOrderEntriesOf(flushed);
  }

  @Test
  void crashAfterFlushShowsTheNewState() {
    Map<String, byte[]> flushed;
    try (RegionStore store = RegionStore.open(db())) {
      flushedState(store);
      store.get("a").writeAt(0, filled(5000, 0x55));
      store.rename("b", "b2");
      store.flush();
      flushed = contents(store);
      crashCopy(db(), tmp.resolve("crash"));
    }
    assertThat(TestFiles.size(tmp.resolve("crash/journal"))).isZero();
    assertThat(contentsAfterReopen(tmp.resolve("crash"))).containsExactlyInAnyOrderEntriesOf(flushed);
  }

  @Test
  void overwritesOfRelocatedAndRegrownRegionsAreUndone() {
    Map<String, byte[]> flushed;
    try (RegionStore store = RegionStore.open(db())) {
      flushed = flushedState(store);
      Region c = store.get("c");
      c.append(pattern(9000, 6));
      c.writeAt(0, filled(100, 1));
      Region b = store.get("b");
      b.truncate(0);
      b.append(filled(3000, 2));
      Region a = store.get("a");
      a.writeAt(0, filled(100, 9));
      a.append(pattern(30_000, 8));
      store.remove("a");
      store.createIfNeeded("a").append(filled(20_000, 3));
      crashCopy(db(), tmp.resolve("crash"));
    }
    assertThat(contentsAfterReopen(tmp.resolve("crash"))).containsExactlyInAnyOrderEntriesOf(flushed);
  }

  @Test
  void tornLastJournalRecordIsIgnoredAndEarlierRecordsApplied() throws Exception {
    Map<String, byte[]> flushed;
    try (RegionStore store = RegionStore.open(db())) {
      flushed = flushedState(store);
      store.get("a").writeAt(0, filled(100, 0x55));
      crashCopy(db(), tmp.resolve("first"));
      store.get("b").writeAt(0, filled(200, 0x66));
      crashCopy(db(), tmp.resolve("second"));
    }
    Path torn = tmp.resolve("first");
    long firstRecordEnd = TestFiles.size(torn.resolve("journal"));
    Files.copy(tmp.resolve("second/journal"), torn.resolve("journal"), StandardCopyOption.REPLACE_EXISTING);
    long secondRecordEnd = TestFiles.size(torn.resolve("journal"));
    TestFiles.truncate(torn.resolve("journal"), (firstRecordEnd + secondRecordEnd) / 2);
    assertThat(contentsAfterReopen(torn)).containsExactlyInAnyOrderEntriesOf(flushed);
  }

  @Test
  void journalRecordsAreUndoneNewestFirst() throws Exception {
    Map<String, byte[]> flushed;
    long start;
    try (RegionStore store = RegionStore.open(db())) {
      flushed = flushedState(store);
      start = store.get("c").start();
    }
    try (Journal journal = new Journal(db().resolve("journal"), FileIo.SYSTEM)) {
      journal.append(Journal.DATA, start, MemorySegment.ofArray(pattern(100, 3)));
      journal.append(Journal.DATA, start, MemorySegment.ofArray(filled(100, 0x44)));
    }
    TestFiles.writeBytes(db().resolve("data"), start, filled(100, 0x33));
    assertThat(contentsAfterReopen(db())).containsExactlyInAnyOrderEntriesOf(flushed);
    assertThat(TestFiles.size(db().resolve("journal"))).isZero();
  }

  @Test
  void closeDiscardsUnflushedChanges() {
    Map<String, byte[]> flushed;
    try (RegionStore store = RegionStore.open(db())) {
      flushed = flushedState(store);
      store.get("a").writeAt(0, filled(1000, 0));
      store.get("b").truncate(1);
      store.remove("c");
      store.createIfNeeded("x");
    }
    assertThat(contentsAfterReopen(db())).containsExactlyInAnyOrderEntriesOf(flushed);
  }
}

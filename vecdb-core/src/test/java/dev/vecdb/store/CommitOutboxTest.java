package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.TestFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox region: entries appended atomically with their commits, acknowledged ones moved out of the way. */
class CommitOutboxTest {
  private static final int PAYLOAD = 300_000;

  @TempDir Path tmp;

  /** A payload of {@value #PAYLOAD} bytes, each the commit number's low byte. */
  private static byte[] payload(long number) {
    byte[] bytes = new byte[PAYLOAD];
    Arrays.fill(bytes, (byte) number);
    return bytes;
  }

  private static void commit(RegionStore store, int i) {
    store.createIfNeeded("r").append(new byte[] {(byte) i});
    store.flush();
  }

  @Test
  void acknowledgedEntriesAreCompactedAwayAndTheRestSurvivesReopen() {
    Path dir = tmp.resolve("db");
    try (RegionStore store = RegionStore.open(dir)) {
      CommitOutbox outbox = store.enableCommitLog(CommitOutboxTest::payload);
      for (int i = 1; i <= 60; i++) {
        commit(store, i);
        outbox.acknowledge(i - 2); // the publisher lags by two commits
        List<CommitOutbox.Entry> pending = outbox.entries(-1);
        assertThat(pending).extracting(CommitOutbox.Entry::number)
            .containsExactlyElementsOf(i == 1 ? List.of(1L) : List.of((long) i - 1, (long) i));
        for (CommitOutbox.Entry e : pending) {
          assertThat(outbox.read(e)).isEqualTo(payload(e.number()));
        }
      }
      // 60 commits of 300 KB: without compaction the outbox alone would be 18 MB
      assertThat(store.fileLength()).isLessThan(8L << 20);
    }
    try (RegionStore store = RegionStore.open(dir)) {
      CommitOutbox outbox = store.enableCommitLog(CommitOutboxTest::payload);
      assertThat(outbox.acknowledged()).as("the last acknowledgement a commit wrote").isEqualTo(57);
      assertThat(outbox.entries(-1)).extracting(CommitOutbox.Entry::number).containsExactly(58L, 59L, 60L);
      for (CommitOutbox.Entry e : outbox.entries(-1)) {
        assertThat(outbox.read(e)).isEqualTo(payload(e.number()));
      }
    }
  }

  @Test
  void aDamagedEntryFailsTheOpen() {
    Path dir = tmp.resolve("db");
    long start;
    try (RegionStore store = RegionStore.open(dir)) {
      store.enableCommitLog(number -> new byte[] {1, 2, 3});
      commit(store, 1);
      start = store.createInternal(CommitOutbox.REGION_ID).start();
      assertThat(store.find(CommitOutbox.REGION_ID)).as("invisible to the application").isEmpty();
    }
    TestFiles.flipByte(dir.resolve("data"), start + CommitOutbox.HEADER + 21);
    try (RegionStore store = RegionStore.open(dir)) {
      assertThatThrownBy(() -> store.enableCommitLog(number -> new byte[0]))
          .isInstanceOf(CorruptionException.class).hasMessageContaining(CommitOutbox.REGION_ID)
          .hasMessageContaining("fails its checksum");
    }
  }
}

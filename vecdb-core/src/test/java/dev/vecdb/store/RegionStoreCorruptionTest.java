package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files are reported at open, naming what is damaged; nothing is skipped. */
class RegionStoreCorruptionTest {
  @TempDir Path dir;

  @BeforeEach
  void flushThreeRegions() {
    try (RegionStore store = RegionStore.open(dir)) {
      store.createIfNeeded("first").append(new byte[] {1});
      store.createIfNeeded("second").append(new byte[] {2});
      store.createIfNeeded("third").append(new byte[] {3});
      store.flush();
    }
  }

  private Path table() {
    return dir.resolve("regions");
  }

  @Test
  void corruptSlotNamesTheSlotAndTheRegion() {
    TestFiles.flipByte(table(), 4096 + 1 * 2048 + 3);
    assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("slot 1").hasMessageContaining("'second'").hasMessageContaining(table().toString());
  }

  @Test
  void corruptChecksumOfTheLastSlotIsReportedNotSkipped() {
    TestFiles.flipByte(table(), 4096 + 3 * 2048 - 1);
    assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("slot 2").hasMessageContaining("'third'");
  }

  @Test
  void tornTableLengthIsReported() {
    TestFiles.writeBytes(table(), TestFiles.size(table()), new byte[100]);
    assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining(table().toString()).hasMessageContaining("torn or truncated");
  }

  @Test
  void corruptHeaderIsReported() {
    TestFiles.flipByte(table(), 0);
    assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining(table().toString()).hasMessageContaining("header");
  }

  @Test
  void truncatedDataFileIsReported() {
    TestFiles.truncate(dir.resolve("data"), 4096);
    assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("'second'").hasMessageContaining("past the end");
  }

  @Test
  void emptiedTableIsReportedNotTakenForANewDatabase() {
    TestFiles.truncate(table(), 0);
    assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining(table().toString()).hasMessageContaining("missing or empty");
  }

  @Test
  void deletedTableIsReported() throws IOException {
    Files.delete(table());
    assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("missing or empty");
    assertThat(Files.exists(table())).as("nothing was recreated").isFalse();
  }

  @Test
  void failedOpenReleasesTheLockAndLeaksNoFiles() throws IOException {
    TestFiles.flipByte(table(), 0);
    long filesBefore = openFileCount();
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> RegionStore.open(dir)).isInstanceOf(CorruptionException.class);
    }
    assertThat(openFileCount()).isLessThan(filesBefore + 5);
    TestFiles.flipByte(table(), 0);
    try (RegionStore store = RegionStore.open(dir)) {
      assertThat(store.ids()).containsExactly("first", "second", "third");
    }
  }

  private static long openFileCount() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}

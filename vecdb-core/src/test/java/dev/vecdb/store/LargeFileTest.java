package dev.vecdb.store;

import static dev.vecdb.TestFiles.crashCopy;
import static dev.vecdb.TestFiles.filled;
import static dev.vecdb.TestFiles.pattern;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.TestFiles;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offsets beyond 4 GiB, on sparse files that cost a few pages of real disk: the data file is written directly at
 * such offsets, and a region is placed there by writing its slot the way a flush does.
 */
class LargeFileTest {
  private static final long FAR = 5L << 30;
  private static final long MAX_ALLOCATED = 1 << 20;

  @TempDir Path tmp;
  private Path dir;

  @BeforeEach
  void paths() {
    dir = tmp.resolve("db");
  }

  private static long allocated(Path file) throws IOException {
    return NativeFiles.available().orElseThrow().allocatedBytes(file);
  }

  @Test
  void dataFileWritesAndMapsBeyond4GiB() throws IOException {
    Path file = tmp.resolve("data");
    byte[] bytes = pattern(10_000, 1);
    try (Arena arena = Arena.ofShared(); DataFile data = new DataFile(file, arena, FileIo.SYSTEM)) {
      data.write(FAR, MemorySegment.ofArray(bytes));
      assertThat(data.length()).isGreaterThanOrEqualTo(FAR + bytes.length);
      assertThat(data.mapping().asSlice(FAR, bytes.length).toArray(ValueLayout.JAVA_BYTE)).containsExactly(bytes);
      data.copy(FAR, FAR + (1L << 30), bytes.length);
      assertThat(data.mapping().asSlice(FAR + (1L << 30), bytes.length).toArray(ValueLayout.JAVA_BYTE))
          .containsExactly(bytes);
      data.force();
    }
    try (Arena arena = Arena.ofShared(); DataFile data = new DataFile(file, arena, FileIo.SYSTEM)) {
      assertThat(data.mapping().asSlice(FAR, bytes.length).toArray(ValueLayout.JAVA_BYTE)).containsExactly(bytes);
    }
    assertThat(allocated(file)).isLessThan(MAX_ALLOCATED);
  }

  /**
   * Writes region {@code far} at {@link #FAR} into a closed store, as a flush would have, and an empty region
   * {@code filler} reserving everything between the first page and it.
   */
  private void placeRegionBeyond4GiBWithNothingFreeBelow(byte[] contents) throws IOException {
    placeRegionBeyond4GiB(contents);
    try (RegionTable table = new RegionTable(dir.resolve("regions"), FileIo.SYSTEM)) {
      table.writeSlot(2, RegionTable.encode("filler", 4096, 0, FAR - 4096));
      table.writeHeader(3, 3);
      table.force();
    }
  }

  /** Writes region {@code far} at {@link #FAR} into a closed store, as a flush would have. */
  private void placeRegionBeyond4GiB(byte[] contents) throws IOException {
    try (RegionStore store = RegionStore.open(dir)) {
      store.createIfNeeded("low").append(new byte[] {1});
      store.flush();
    }
    try (Arena arena = Arena.ofShared(); DataFile data = new DataFile(dir.resolve("data"), arena, FileIo.SYSTEM);
        RegionTable table = new RegionTable(dir.resolve("regions"), FileIo.SYSTEM)) {
      data.write(FAR, MemorySegment.ofArray(contents));
      data.force();
      table.writeSlot(1, RegionTable.encode("far", FAR, contents.length, 16_384));
      table.writeHeader(2, 2);
      table.force();
    }
  }

  @Test
  void regionBeyond4GiBIsReadWrittenFlushedAndRecovered() throws IOException {
    byte[] contents = pattern(10_000, 2);
    placeRegionBeyond4GiB(contents);
    try (RegionStore store = RegionStore.open(dir)) {
      Region far = store.get("far");
      assertThat(far.start()).isEqualTo(FAR);
      assertThat(far.readAll()).containsExactly(contents);
      far.append(pattern(20_000, 3));
      assertThat(far.start()).as("last in the file, grows in place").isEqualTo(FAR);
      assertThat(far.reserved()).isEqualTo(32_768);
      store.flush();

      far.writeAt(0, filled(5000, 0x55));
      store.get("low").writeAt(0, new byte[] {9});
      crashCopy(dir, tmp.resolve("crash"));
      assertThat(store.diskUsage().allocatedBytes()).isLessThan(MAX_ALLOCATED);
      assertThat(store.diskUsage().logicalBytes()).isGreaterThan(FAR);
    }
    Path crash = tmp.resolve("crash");
    try (RegionStore store = RegionStore.open(crash)) {
      Region far = store.get("far");
      assertThat(far.read(0, 10_000)).as("journaled overwrite beyond 4 GiB undone").containsExactly(contents);
      assertThat(far.read(10_000, 20_000)).containsExactly(pattern(20_000, 3));
      assertThat(store.get("low").readAll()).containsExactly(1);
    }
    try (RegionStore store = RegionStore.open(dir)) {
      assertThat(store.get("far").length()).isEqualTo(30_000);
      assertThat(store.get("far").read(0, 10_000)).containsExactly(contents);
    }
    assertThat(allocated(dir.resolve("data"))).isLessThan(MAX_ALLOCATED);
    assertThat(allocated(crash.resolve("data"))).as("the copy is sparse too").isLessThan(MAX_ALLOCATED);
  }

  @Test
  void gapBelowAFarRegionIsReusedAndCompactionPunchesBeyond4GiB() throws IOException {
    placeRegionBeyond4GiB(filled(10_000, 7));
    try (RegionStore store = RegionStore.open(dir)) {
      Region near = store.createIfNeeded("near");
      assertThat(near.start()).as("best fit in the gap below the far region").isEqualTo(4096);
      Region far = store.get("far");
      far.truncate(10);
      CompactionReport report = store.compact();
      assertThat(report.punched()).isTrue();
      assertThat(TestFiles.readBytes(dir.resolve("data"), FAR + 4095, 2)).containsExactly(7, 0);
      assertThat(far.readAll()).containsExactly(filled(10, 7));
    }
  }

  @Test
  void storeRelocatesARegionPast4GiBAndFlushesIt() throws IOException {
    placeRegionBeyond4GiBWithNothingFreeBelow(pattern(100, 5));
    byte[] grown = pattern(6000, 6);
    long start;
    try (RegionStore store = RegionStore.open(dir)) {
      Region low = store.get("low");
      low.append(grown);
      start = low.start();
      assertThat(start).as("no room below, so past the far region").isGreaterThan(FAR);
      assertThat(low.read(0, 1)).containsExactly(1);
      store.flush();
    }
    try (RegionStore store = RegionStore.open(dir)) {
      Region low = store.get("low");
      assertThat(low.start()).isEqualTo(start);
      assertThat(low.read(1, 6000)).containsExactly(grown);
      assertThat(store.createIfNeeded("reused").start()).as("the page low left").isZero();
    }
    assertThat(allocated(dir.resolve("data"))).isLessThan(MAX_ALLOCATED);
  }
}

package dev.vecdb.store;

import static dev.vecdb.TestFiles.filled;
import static dev.vecdb.TestFiles.pattern;
import static dev.vecdb.store.SpaceLayout.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.TestFiles;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reservation, growth, relocation and reuse of space, with the arithmetic of the Rust original. */
class SpaceManagementTest {
  @TempDir Path dir;
  private RegionStore store;

  @BeforeEach
  void open() {
    store = RegionStore.open(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** A region holding one byte, so that it occupies exactly one page. */
  private Region page(String id) {
    Region region = store.createIfNeeded(id);
    region.append(new byte[] {1});
    return region;
  }

  @Test
  void firstRegionMakesTheDataFileOneMebibyte() {
    assertThat(store.fileLength()).isZero();
    Region a = store.createIfNeeded("a");
    assertThat(store.fileLength()).isEqualTo(1 << 20);
    assertThat(a.start()).isZero();
    assertThat(a.reserved()).isEqualTo(PAGE);
    assertThat(a.length()).isZero();
  }

  @Test
  void reservationStartsAtOnePageAndDoubles() {
    Region a = store.createIfNeeded("a");
    a.append(new byte[8000]);
    assertThat(a.reserved()).isEqualTo(8192);
    Region b = store.createIfNeeded("b");
    b.append(new byte[4097]);
    assertThat(b.reserved()).isEqualTo(8192);
    Region c = store.createIfNeeded("c");
    c.append(new byte[4096]);
    assertThat(c.reserved()).isEqualTo(4096);
    Region d = store.createIfNeeded("d");
    for (int size : new int[] {4, 100, 1000, 10_000}) {
      d.append(new byte[size]);
    }
    assertThat(d.length()).isEqualTo(11_104);
    assertThat(d.reserved()).isEqualTo(16_384);
  }

  @Test
  void growsInPlaceWhenLast() {
    Region a = page("a");
    a.append(pattern(100_000, 1));
    assertThat(a.start()).isZero();
    assertThat(a.reserved()).isEqualTo(131_072);
    assertThat(a.read(1, 100_000)).containsExactly(pattern(100_000, 1));
  }

  @Test
  void growsIntoAFollowingHole() {
    Region a = page("a");
    page("b");
    Region c = page("c");
    store.remove("b");
    store.flush();
    a.append(new byte[5000]);
    assertThat(a.start()).isZero();
    assertThat(a.reserved()).isEqualTo(8192);
    assertThat(c.start()).isEqualTo(8192);
  }

  @Test
  void relocatesToTheEndWhenBlocked() {
    Region a = page("a");
    page("b");
    a.append(pattern(5000, 2));
    assertThat(a.start()).isEqualTo(2 * PAGE);
    assertThat(a.reserved()).isEqualTo(8192);
    assertThat(a.read(0, 1)).containsExactly(1);
    assertThat(a.read(1, 5000)).containsExactly(pattern(5000, 2));
  }

  @Test
  void relocatesToTheBestFittingHole() {
    Region p1 = page("p1");
    page("p2");
    page("p3");
    page("k1");
    Region q1 = page("q1");
    page("q2");
    page("k2");
    Region m = page("m");
    page("k3");
    for (String id : new String[] {"p1", "p2", "p3", "q1", "q2"}) {
      store.remove(id);
    }
    store.flush();
    m.append(pattern(5000, 3));
    assertThat(m.start()).as("2-page hole, not the lower 3-page one at " + p1.start()).isEqualTo(q1.start());
    assertThat(m.read(1, 5000)).containsExactly(pattern(5000, 3));
  }

  @Test
  void adjacentFreedRegionsCoalesceIntoOneHole() {
    page("a");
    Region b = page("b");
    page("c");
    Region d = page("d");
    page("e");
    store.remove("b");
    store.remove("c");
    store.flush();
    d.append(new byte[5000]);
    assertThat(d.start()).as("needs b and c together").isEqualTo(b.start());
  }

  @Test
  void freedSpaceIsReusableOnlyAfterFlush() {
    Region a = page("a");
    page("b");
    long freed = a.start();
    store.remove("a");
    assertThat(page("c").start()).isNotEqualTo(freed).isEqualTo(2 * PAGE);
    store.flush();
    assertThat(page("d").start()).isEqualTo(freed);
  }

  @Test
  void spaceLeftByARelocationIsReusableOnlyAfterFlush() {
    Region a = page("a");
    page("b");
    a.append(new byte[5000]);
    assertThat(page("c").start()).isNotZero();
    store.flush();
    assertThat(page("d").start()).isZero();
  }

  @Test
  void pinnedReaderOfARemovedRegionKeepsItsSpaceAcrossFlushesAndCompaction() {
    Region a = page("a");
    page("b");
    RegionReader reader = a.reader();
    store.remove("a");
    store.flush();
    store.compact();
    assertThat(page("c").start()).isNotZero();
    assertThat(reader.segment().toArray(ValueLayout.JAVA_BYTE)).containsExactly(1);
    reader.close();
    store.flush();
    assertThat(page("d").start()).isZero();
  }

  @Test
  void pinnedReaderOfARelocatedRegionKeepsItsOldSpace() {
    Region a = page("a");
    page("b");
    try (RegionReader reader = a.reader()) {
      MemorySegment old = reader.segment();
      a.append(new byte[5000]);
      store.flush();
      Region c = page("c");
      assertThat(c.start()).isNotZero();
      c.append(filled(3000, 9));
      assertThat(old.get(ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 1);
    }
    store.flush();
    assertThat(page("d").start()).isZero();
  }

  @Test
  void compactPunchesTheTailOfATruncatedRegion() {
    Region a = store.createIfNeeded("a");
    a.append(filled(8000, 1));
    store.flush();
    DiskUsage before = store.diskUsage();
    assertThat(before.isAllocatedKnown()).as("tests run with native access enabled").isTrue();

    a.truncate(10);
    CompactionReport report = store.compact();

    assertThat(report.punched()).isTrue();
    assertThat(report.unusedBytes()).isEqualTo(PAGE);
    assertThat(store.diskUsage().allocatedBytes()).isLessThanOrEqualTo(before.allocatedBytes() - PAGE);
    assertThat(a.readAll()).containsExactly(filled(10, 1));
    Path data = dir.resolve("data");
    assertThat(TestFiles.readBytes(data, a.start() + 4095, 1)).as("same page as live data").containsExactly(1);
    assertThat(TestFiles.readBytes(data, a.start() + 4096, 1)).as("punched").containsExactly(0);
    assertThat(TestFiles.size(data)).as("length unchanged").isEqualTo(store.fileLength());
  }

  @Test
  void compactPunchesFreeHoles() {
    Region a = store.createIfNeeded("a");
    a.append(filled(8192, 3));
    page("b");
    store.remove("a");
    store.flush();
    long allocated = store.diskUsage().allocatedBytes();
    CompactionReport report = store.compact();
    assertThat(report.unusedBytes()).isGreaterThanOrEqualTo(8192);
    assertThat(store.diskUsage().allocatedBytes()).isLessThanOrEqualTo(allocated - 8192);
    assertThat(TestFiles.readBytes(dir.resolve("data"), 0, 8192)).containsOnly(0);
  }

  @Test
  void diskUsageTellsLogicalFromAllocatedSizeOfTheSparseFile() {
    page("a");
    store.flush();
    DiskUsage usage = store.diskUsage();
    // the table: header, slot 0 ('a') and slot 1 (the commit sequence)
    assertThat(usage.logicalBytes()).isEqualTo((1 << 20) + RegionTable.offset(2));
    assertThat(usage.allocatedBytes()).isPositive().isLessThan(200_000);
    assertThat(usage.toString()).contains("allocated").contains("1.0 MiB logical");
  }

  @Test
  void closingAReaderTwiceReleasesOnlyItsOwnPin() {
    Region a = page("a");
    page("b");
    RegionReader first = a.reader();
    RegionReader second = a.reader();
    first.close();
    first.close();
    store.remove("a");
    store.flush();
    assertThat(page("c").start()).as("still pinned by the second reader").isNotZero();
    second.close();
    store.flush();
    assertThat(page("d").start()).isZero();
  }

  @Test
  void compactHandlesReservationsReachingPastTheEndOfTheFile() {
    page("a");
    Region big = store.createIfNeeded("big");
    big.append(pattern(600_000, 4));
    assertThat(big.start() + big.reserved()).isGreaterThan(store.fileLength());
    big.truncate(100);
    assertThat(store.compact().punched()).isTrue();
    assertThat(big.readAll()).containsExactly(Arrays.copyOf(pattern(600_000, 4), 100));
    store.close();
    store = RegionStore.open(dir);
    assertThat(store.get("big").readAll()).containsExactly(Arrays.copyOf(pattern(600_000, 4), 100));
  }
}

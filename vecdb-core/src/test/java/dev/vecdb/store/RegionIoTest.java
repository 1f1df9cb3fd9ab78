package dev.vecdb.store;

import static dev.vecdb.TestFiles.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.OutOfRangeException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionIoTest {
  @TempDir Path dir;
  private RegionStore store;
  private Region region;

  @BeforeEach
  void open() {
    store = RegionStore.open(dir);
    region = store.createIfNeeded("r");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void appendAndReadBack() {
    region.append(new byte[] {1, 2, 3});
    region.append(MemorySegment.ofArray(new byte[] {4, 5}));
    assertThat(region.length()).isEqualTo(5);
    assertThat(region.readAll()).containsExactly(1, 2, 3, 4, 5);
    assertThat(region.read(1, 3)).containsExactly(2, 3, 4);
    byte[] into = new byte[2];
    region.read(3, MemorySegment.ofArray(into));
    assertThat(into).containsExactly(4, 5);
  }

  @Test
  void readsOutsideTheRegionFail() {
    region.append(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> region.read(2, 2)).isInstanceOf(OutOfRangeException.class)
        .hasMessageContaining("'r'").hasMessageContaining("length 3");
    assertThatThrownBy(() -> region.read(-1, 1)).isInstanceOf(OutOfRangeException.class);
    assertThat(region.read(3, 0)).isEmpty();
  }

  @Test
  void writeAtOverwritesAndExtends() {
    region.append(new byte[] {1, 2, 3});
    region.writeAt(1, new byte[] {9});
    assertThat(region.readAll()).containsExactly(1, 9, 3);
    region.writeAt(2, new byte[] {7, 8});
    assertThat(region.readAll()).containsExactly(1, 9, 7, 8);
    region.writeAt(4, new byte[] {5});
    assertThat(region.readAll()).as("at == length appends").containsExactly(1, 9, 7, 8, 5);
  }

  @Test
  void writeAtPastTheEndFails() {
    region.append(new byte[] {1, 2});
    assertThatThrownBy(() -> region.writeAt(3, new byte[] {1})).isInstanceOf(OutOfRangeException.class)
        .hasMessageContaining("'r'").hasMessageContaining("at 3").hasMessageContaining("length 2");
    assertThat(region.readAll()).containsExactly(1, 2);
  }

  @Test
  void truncate() {
    region.append(new byte[] {1, 2, 3, 4});
    region.truncate(4);
    assertThat(region.length()).isEqualTo(4);
    region.truncate(2);
    assertThat(region.readAll()).containsExactly(1, 2);
    assertThatThrownBy(() -> region.truncate(3)).isInstanceOf(OutOfRangeException.class)
        .hasMessageContaining("'r'").hasMessageContaining("length 2");
    assertThatThrownBy(() -> region.truncate(-1)).isInstanceOf(OutOfRangeException.class);
    region.truncate(0);
    assertThat(region.readAll()).isEmpty();
  }

  @Test
  void truncateAndWriteMayShrinkOrGrow() {
    region.append(pattern(100, 1));
    region.truncateAndWrite(10, new byte[] {42});
    assertThat(region.length()).isEqualTo(11);
    assertThat(region.read(10, 1)).containsExactly(42);
    assertThat(region.read(0, 10)).containsExactly(Arrays.copyOf(pattern(100, 1), 10));
    region.truncateAndWrite(11, pattern(5000, 2));
    assertThat(region.length()).isEqualTo(5011);
    assertThat(region.read(11, 5000)).containsExactly(pattern(5000, 2));
    assertThatThrownBy(() -> region.truncateAndWrite(5012, new byte[1])).isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void zeroLengthWritesChangeNothing() {
    region.append(new byte[] {1, 2});
    region.append(new byte[0]);
    region.writeAt(1, new byte[0]);
    region.writeAt(2, new byte[0]);
    assertThat(region.readAll()).containsExactly(1, 2);
    region.truncateAndWrite(1, new byte[0]);
    assertThat(region.readAll()).containsExactly(1);
  }

  @Test
  void segmentIsAZeroCopyReadOnlyViewOfTheFile() {
    region.append(new byte[] {1, 2, 3});
    MemorySegment segment = region.segment();
    assertThat(segment.byteSize()).isEqualTo(3);
    assertThat(segment.isReadOnly()).isTrue();
    assertThat(segment.isMapped()).isTrue();
    assertThat(segment.toArray(ValueLayout.JAVA_BYTE)).containsExactly(1, 2, 3);
    region.writeAt(0, new byte[] {7});
    assertThat(segment.get(ValueLayout.JAVA_BYTE, 0)).as("in-place writes are visible").isEqualTo((byte) 7);
    assertThatThrownBy(() -> segment.set(ValueLayout.JAVA_BYTE, 0, (byte) 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
  }

  @Test
  void emptyRegionHasAnEmptySegment() {
    assertThat(region.segment().byteSize()).isZero();
    assertThat(region.readAll()).isEmpty();
    try (RegionReader reader = region.reader()) {
      assertThat(reader.length()).isZero();
      assertThat(reader.segment().byteSize()).isZero();
    }
  }

  @Test
  void readerFollowsTheRegionAcrossGrowthAndRelocation() {
    Region other = store.createIfNeeded("other");
    region.append(pattern(100, 1));
    other.append(new byte[] {1});
    try (RegionReader reader = region.reader()) {
      assertThat(reader.region()).isSameAs(region);
      long start = region.start();
      region.append(pattern(10_000, 2));
      assertThat(region.start()).as("blocked by 'other', so it moved").isNotEqualTo(start);
      assertThat(reader.length()).isEqualTo(10_100);
      assertThat(reader.segment().asSlice(100).toArray(ValueLayout.JAVA_BYTE)).containsExactly(pattern(10_000, 2));
      assertThat(reader.segment().asSlice(0, 100).toArray(ValueLayout.JAVA_BYTE)).containsExactly(pattern(100, 1));
    }
  }

  @Test
  void oldSegmentsStayReadableWhileTheFileIsRemappedManyTimes() {
    byte[] held = pattern(3000, 5);
    region.append(held);
    try (RegionReader reader = region.reader()) {
      MemorySegment segment = reader.segment();
      long before = store.fileLength();
      Region grower = store.createIfNeeded("grower");
      byte[] chunk = pattern(1 << 20, 6);
      int remaps = 0;
      long length = store.fileLength();
      while (remaps < 5) {
        grower.append(chunk);
        if (store.fileLength() != length) {
          length = store.fileLength();
          remaps++;
          assertThat(segment.toArray(ValueLayout.JAVA_BYTE)).containsExactly(held);
        }
      }
      assertThat(store.fileLength()).isGreaterThanOrEqualTo(before << 5);
      assertThat(segment.toArray(ValueLayout.JAVA_BYTE)).containsExactly(held);
      assertThat(reader.segment().toArray(ValueLayout.JAVA_BYTE)).containsExactly(held);
    }
  }

  @Test
  void readerOfARemovedRegionKeepsItsLastBytes() {
    region.append(new byte[] {4, 5, 6});
    try (RegionReader reader = region.reader()) {
      store.remove("r");
      store.flush();
      Region next = store.createIfNeeded("next");
      next.append(pattern(8192, 9));
      store.flush();
      assertThat(reader.segment().toArray(ValueLayout.JAVA_BYTE)).containsExactly(4, 5, 6);
    }
  }

  @Test
  void segmentsOfTheStoreCanBeWrittenBackIntoIt() {
    byte[] bytes = pattern(3000, 7);
    region.append(bytes);
    Region copy = store.createIfNeeded("copy");
    copy.append(region.segment());
    assertThat(copy.readAll()).containsExactly(bytes);
    long start = region.start();
    region.append(region.segment());
    assertThat(region.start()).as("doubled past its reservation and moved").isNotEqualTo(start);
    assertThat(region.read(0, 3000)).containsExactly(bytes);
    assertThat(region.read(3000, 3000)).containsExactly(bytes);
    store.flush();
  }
}

package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.TestFiles;
import dev.vecdb.UnsupportedFormatVersionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionTableTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("regions");
  }

  @Test
  void slotsRoundTripThroughReopenIncludingStartsBeyond4GiB() throws IOException {
    long far = 6L << 30;
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      assertThat(table.readAll()).isEmpty();
      assertThat(table.slotsRead()).isZero();
      table.writeSlot(0, RegionTable.encode("near", 4096, 10, 8192));
      table.writeSlot(1, RegionTable.freeImage());
      table.writeSlot(2, RegionTable.encode("fär ✓", far, 1L << 32, 1L << 33));
      table.writeHeader(3, 2);
      table.force();
    }
    assertThat(TestFiles.size(file())).isEqualTo(RegionTable.offset(3));
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      assertThat(table.readAll()).containsExactly(
          new RegionTable.Slot(0, "near", 4096, 10, 8192),
          new RegionTable.Slot(2, "fär ✓", far, 1L << 32, 1L << 33));
      assertThat(table.slotsRead()).isEqualTo(3);
    }
  }

  @Test
  void freedSlotReadsAsFree() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      table.writeSlot(0, RegionTable.encode("a", 0, 0, 4096));
      table.writeSlot(0, RegionTable.freeImage());
      table.writeHeader(1, 0);
      assertThat(table.readAll()).isEmpty();
    }
  }

  @Test
  void slotFailingItsChecksumNamesSlotAndRegion() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      table.writeSlot(0, RegionTable.encode("a", 0, 0, 4096));
      table.writeSlot(1, RegionTable.encode("b", 4096, 0, 4096));
      table.writeHeader(2, 2);
    }
    TestFiles.flipByte(file(), RegionTable.offset(1) + 8);
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      assertThatThrownBy(table::readAll).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("slot 1").hasMessageContaining("'b'").hasMessageContaining("checksum");
    }
  }

  @Test
  void slotWithAValidChecksumButAnInvalidExtentIsCorruption() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      table.writeSlot(0, RegionTable.encode("a", 100, 0, 4096));
      table.writeHeader(1, 1);
      assertThatThrownBy(table::readAll).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("slot 0").hasMessageContaining("invalid extent");
      table.writeSlot(0, RegionTable.encode("a", 0, 8193, 8192));
      assertThatThrownBy(table::readAll).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("invalid extent");
      table.writeSlot(0, RegionTable.encode("a/b", 0, 0, 4096));
      assertThatThrownBy(table::readAll).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("invalid id");
    }
  }

  @Test
  void tornFileLengthIsCorruption() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      table.writeSlot(0, RegionTable.encode("a", 0, 0, 4096));
      table.writeHeader(1, 1);
    }
    TestFiles.truncate(file(), RegionTable.offset(1) - 100);
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      assertThatThrownBy(table::readAll).isInstanceOf(CorruptionException.class)
          .hasMessageContaining(file().toString()).hasMessageContaining("torn or truncated");
    }
  }

  @Test
  void fileCutInsideItsHeaderIsCorruption() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      table.writeSlot(0, RegionTable.encode("a", 0, 0, 4096));
    }
    TestFiles.truncate(file(), RegionTable.SLOT_SIZE);
    assertThatThrownBy(() -> new RegionTable(file(), FileIo.SYSTEM)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("header");
  }

  @Test
  void zeroedSlotIsCorruptionNotAFreeSlot() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      table.writeSlot(0, RegionTable.encode("a", 0, 0, 4096));
      table.writeSlot(1, RegionTable.freeImage());
      table.writeSlot(2, RegionTable.encode("c", 4096, 0, 4096));
      table.writeHeader(3, 2);
      assertThat(table.readAll()).hasSize(2);
      for (int slot = 0; slot < 3; slot++) {
        ByteBuffer before = table.readSlot(slot);
        table.writeSlot(slot, ByteBuffer.allocate(RegionTable.SLOT_SIZE));
        assertThatThrownBy(table::readAll).as("slot %d zeroed", slot).isInstanceOf(CorruptionException.class)
            .hasMessageContaining("slot " + slot).hasMessageContaining("zeroed");
        table.writeSlot(slot, before);
      }
      assertThat(table.readAll()).hasSize(2);
    }
  }

  @Test
  void fileCutAtASlotBoundaryIsCorruptionNamingTheMissingSlots() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      for (int i = 0; i < 3; i++) {
        table.writeSlot(i, RegionTable.encode("r" + i, i * 4096L, 0, 4096));
      }
      table.writeHeader(3, 3);
    }
    TestFiles.truncate(file(), RegionTable.offset(1));
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      assertThatThrownBy(table::readAll).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("counts 3 slots").hasMessageContaining("slots 1 to 2 are missing");
    }
  }

  @Test
  void liveSlotReplacedByAFreeImageIsCorruption() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      table.writeSlot(0, RegionTable.encode("a", 0, 0, 4096));
      table.writeSlot(1, RegionTable.encode("b", 4096, 0, 4096));
      table.writeHeader(2, 2);
      table.writeSlot(1, RegionTable.freeImage());
      assertThatThrownBy(table::readAll).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("counts 2 live slots but 1 are live");
    }
  }

  @Test
  void damagedHeaderCountsAreCorruption() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      table.writeSlot(0, RegionTable.encode("a", 0, 0, 4096));
      table.writeHeader(1, 1);
    }
    TestFiles.flipByte(file(), 20);
    assertThatThrownBy(() -> new RegionTable(file(), FileIo.SYSTEM)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("header counts");
  }

  @Test
  void corruptHeaderIsCorruption() throws IOException {
    new RegionTable(file(), FileIo.SYSTEM).close();
    TestFiles.flipByte(file(), 3);
    assertThatThrownBy(() -> new RegionTable(file(), FileIo.SYSTEM)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining(file().toString()).hasMessageContaining("header");
  }

  @Test
  void unknownFormatVersionIsNamed() throws IOException {
    new RegionTable(file(), FileIo.SYSTEM).close();
    byte[] header = TestFiles.readBytes(file(), 0, 16);
    header[8] = 9;
    CRC32C crc = new CRC32C();
    crc.update(header);
    TestFiles.writeBytes(file(), 0, header);
    TestFiles.writeBytes(file(), 16, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) crc.getValue()).array());
    assertThatThrownBy(() -> new RegionTable(file(), FileIo.SYSTEM)).isInstanceOf(UnsupportedFormatVersionException.class)
        .hasMessageContaining("format version 9").hasMessageContaining("reads version " + RegionTable.FORMAT_VERSION)
        .satisfies(e -> assertThat(((UnsupportedFormatVersionException) e).found()).isEqualTo(9));
  }

  @Test
  void restoringFreeImagesCutsTrailingSlotsInsteadOfWritingZeros() throws IOException {
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      for (int i = 0; i < 3; i++) {
        table.writeSlot(i, RegionTable.encode("r" + i, i * 4096L, 0, 4096));
      }
      table.writeRaw(RegionTable.offset(3), ByteBuffer.wrap(new byte[1000]));
      byte[] free = new byte[RegionTable.SLOT_SIZE];

      table.restore(RegionTable.offset(3), free);
      assertThat(TestFiles.size(file())).as("torn appended slot cut off").isEqualTo(RegionTable.offset(3));
      table.restore(RegionTable.offset(1), free);
      assertThat(TestFiles.size(file())).as("a middle slot is zeroed in place").isEqualTo(RegionTable.offset(3));
      table.restore(RegionTable.offset(2), free);
      assertThat(TestFiles.size(file())).isEqualTo(RegionTable.offset(2));
      table.restore(RegionTable.offset(5), free);
      assertThat(TestFiles.size(file())).as("nothing to restore past the end").isEqualTo(RegionTable.offset(2));
      table.restore(RegionTable.offset(0), RegionTable.encode("back", 0, 1, 4096).array());
      table.restore(RegionTable.offset(1), RegionTable.freeImage().array());
      table.writeHeader(2, 1);
      assertThat(table.readAll()).containsExactly(new RegionTable.Slot(0, "back", 0, 1, 4096));
    }
  }

  @Test
  void slotWithAValidChecksumButMalformedUtf8IdIsCorruption() throws IOException {
    ByteBuffer image = RegionTable.encode("ab", 0, 0, 4096);
    image.put(32, (byte) 0xC3).put(33, (byte) 0x28); // a lead byte followed by no continuation byte
    resealed(image);
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      table.writeSlot(0, image);
      table.writeHeader(1, 1);
      assertThatThrownBy(table::readAll).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("slot 0").hasMessageContaining("invalid id");
    }
  }

  @Test
  void freeSlotWithAFieldSetAndAValidChecksumIsCorruption() throws IOException {
    for (int at : new int[] {0, 27, 32, RegionTable.SLOT_SIZE - 5}) {
      ByteBuffer image = RegionTable.freeImage();
      image.put(at, (byte) 1);
      resealed(image);
      try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
        table.writeSlot(0, image);
        table.writeHeader(1, 0);
        assertThatThrownBy(table::readAll).as("byte %d set", at).isInstanceOf(CorruptionException.class)
            .hasMessageContaining("slot 0").hasMessageContaining("free slot with fields set");
      }
    }
  }

  @Test
  void readsEverySlotOfATableLargerThanOneReadBatch() throws IOException {
    int count = 1101;
    int live = count - (count + 1) / 3; // every third slot, from slot 1 on, is free
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      for (int i = 0; i < count; i++) {
        table.writeSlot(i, i % 3 == 1 ? RegionTable.freeImage() : RegionTable.encode("r" + i, i * 4096L, i, 4096));
      }
      table.writeHeader(count, live);
    }
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      assertThat(table.readAll()).hasSize(live).last()
          .isEqualTo(new RegionTable.Slot(count - 1, "r" + (count - 1), (count - 1) * 4096L, count - 1, 4096));
      assertThat(table.slotsRead()).isEqualTo(count);
    }
    TestFiles.flipByte(file(), RegionTable.offset(1000) + 8);
    try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM)) {
      assertThatThrownBy(table::readAll).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("slot 1000").hasMessageContaining("checksum");
    }
  }

  @Test
  void aTableOnASharedChannelLeavesItOpen() throws IOException {
    try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM, channel, false)) {
        table.writeSlot(0, RegionTable.encode("a", 0, 0, 4096));
        table.writeHeader(1, 1);
      }
      assertThat(channel.isOpen()).isTrue();
      try (RegionTable table = new RegionTable(file(), FileIo.SYSTEM, channel, false)) {
        assertThat(table.readAll()).containsExactly(new RegionTable.Slot(0, "a", 0, 0, 4096));
      }
    }
  }

  /** Writes the checksum of {@code image}'s first bytes into its last 4, as a valid slot has. */
  private static void resealed(ByteBuffer image) {
    CRC32C crc = new CRC32C();
    crc.update(image.array(), 0, RegionTable.SLOT_SIZE - 4);
    image.order(ByteOrder.LITTLE_ENDIAN).putInt(RegionTable.SLOT_SIZE - 4, (int) crc.getValue());
  }
}

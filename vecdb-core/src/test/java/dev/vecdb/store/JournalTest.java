package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.TestFiles;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("journal");
  }

  private static MemorySegment bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return MemorySegment.ofArray(out);
  }

  private static byte[] payload(Journal journal, Journal.Record record) throws IOException {
    byte[] out = new byte[(int) record.length()];
    journal.readPayload(record, (position, chunk) ->
        chunk.get(out, (int) (position - record.offset()), chunk.remaining()));
    return out;
  }

  private List<Journal.Record> readFile(Path file) throws IOException {
    try (Journal journal = new Journal(file, FileIo.SYSTEM)) {
      return journal.read();
    }
  }

  @Test
  void recordsReadBackInAppendOrderAndSurviveReopen() throws IOException {
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      assertThat(journal.isEmpty()).isTrue();
      journal.append(Journal.DATA, 5L << 32, bytes(1, 2, 3));
      journal.appendUnsynced(Journal.TABLE, 4096, bytes(9));
      journal.sync();
      assertThat(journal.isEmpty()).isFalse();
    }
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      List<Journal.Record> records = journal.read();
      assertThat(records).hasSize(2);
      assertThat(records.get(0).target()).isEqualTo(Journal.DATA);
      assertThat(records.get(0).offset()).as("offsets beyond 4 GiB").isEqualTo(5L << 32);
      assertThat(payload(journal, records.get(0))).containsExactly(1, 2, 3);
      assertThat(records.get(1).target()).isEqualTo(Journal.TABLE);
      assertThat(records.get(1).offset()).isEqualTo(4096);
      assertThat(payload(journal, records.get(1))).containsExactly(9);
    }
  }

  @Test
  void recordsLargerThanOneChunkStreamThroughUnchanged() throws IOException {
    int length = 3 * Journal.CHUNK + 17;
    byte[] expected = TestFiles.pattern(length, 5);
    try (Arena arena = Arena.ofConfined(); Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      MemorySegment offHeap = arena.allocate(length);
      MemorySegment.copy(MemorySegment.ofArray(expected), 0, offHeap, 0, length);
      journal.append(Journal.DATA, 123, offHeap);
    }
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      Journal.Record record = journal.read().getFirst();
      assertThat(record.length()).isEqualTo(length);
      assertThat(payload(journal, record)).isEqualTo(expected);
    }
  }

  /** Issue 13 item 4: no heap copy and no 2 GiB limit (the old journal failed here with an ArithmeticException). */
  @Test
  void aRecordOver2GiBStreamsFromTheMappingInBoundedWrites() throws IOException {
    long length = (1L << 31) + Journal.CHUNK;
    Path sparse = dir.resolve("sparse");
    long[] largest = new long[1];
    long[] total = new long[1];
    long appended;
    FileIo counting = new FileIo() {
      @Override
      public int write(Path file, FileChannel channel, ByteBuffer src, long position) {
        int n = src.remaining();
        largest[0] = Math.max(largest[0], n);
        total[0] += n;
        src.position(src.limit());
        return n;
      }
    };
    try (FileChannel channel = FileChannel.open(sparse, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        Arena arena = Arena.ofConfined();
        Journal journal = new Journal(file(), counting)) {
      channel.write(ByteBuffer.wrap(new byte[] {1}), length - 1);
      journal.append(Journal.DATA, 0, channel.map(FileChannel.MapMode.READ_ONLY, 0, length, arena));
      // before close: nothing reached the file, so close takes the journal for one cut under its record and seals it
      appended = total[0];
    }
    assertThat(largest[0]).isLessThanOrEqualTo(Journal.CHUNK);
    assertThat(appended).isEqualTo(Journal.HEADER + length + Journal.SEAL);
  }

  @Test
  void clearEmptiesTheFile() throws IOException {
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      journal.append(Journal.DATA, 0, bytes(1));
      journal.clear();
      assertThat(journal.isEmpty()).isTrue();
      assertThat(journal.read()).isEmpty();
      journal.append(Journal.DATA, 8, bytes(2));
      assertThat(journal.read()).singleElement().satisfies(r -> assertThat(r.offset()).isEqualTo(8));
    }
    assertThat(TestFiles.size(file())).as("one record and its seal").isEqualTo(Journal.HEADER + 1 + Journal.SEAL);
  }

  @Test
  void tornLastRecordIsIgnored() throws IOException {
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      journal.append(Journal.DATA, 0, bytes(1, 1));
      journal.append(Journal.DATA, 100, bytes(2, 2, 2, 2));
    }
    TestFiles.truncate(file(), TestFiles.size(file()) - Journal.SEAL - 1);
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      assertThat(journal.read()).singleElement().satisfies(r -> assertThat(payload(journal, r)).containsExactly(1, 1));
    }
  }

  @Test
  void anUnsealedLastRecordThatFailsItsCheckIsATornTail() throws IOException {
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      journal.append(Journal.DATA, 0, bytes(1, 1));
      journal.appendUnsynced(Journal.DATA, 100, bytes(2, 2, 2, 2));
    }
    TestFiles.flipByte(file(), TestFiles.size(file()) - 1);
    assertThat(readFile(file())).hasSize(1);
  }

  /** Issue 13 item 6: ten records, one payload byte flipped in record k, for every k: never a silent stop. */
  @Test
  void damageToAnySyncedRecordIsCorruptionNamingTheRecord() throws IOException {
    long[] starts = new long[10];
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      for (int k = 0; k < 10; k++) {
        starts[k] = TestFiles.size(file()) - (k == 0 ? 0 : Journal.SEAL);
        journal.append(Journal.DATA, 1000L * k, MemorySegment.ofArray(TestFiles.pattern(50 + k, k)));
      }
    }
    assertThat(readFile(file())).hasSize(10);
    for (int k = 0; k < 10; k++) {
      Path damaged = dir.resolve("damaged-" + k);
      Files.copy(file(), damaged, StandardCopyOption.REPLACE_EXISTING);
      TestFiles.flipByte(damaged, starts[k] + Journal.HEADER + 7);
      int record = k;
      assertThatThrownBy(() -> readFile(damaged)).as("record %d damaged", k)
          .isInstanceOf(CorruptionException.class)
          .hasMessageContaining(damaged.toString())
          .hasMessageContaining("record " + record + " at offset " + starts[k]);
    }
  }

  @Test
  void bytesOfAnEarlierGenerationPastTheEndAreNeverReplayed() throws IOException {
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      journal.append(Journal.DATA, 0, bytes(1));
      journal.append(Journal.DATA, 64, bytes(2));
    }
    byte[] earlier = TestFiles.readBytes(file(), 0, (int) TestFiles.size(file()));
    long secondStart = Journal.HEADER + 1;
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      journal.clear();
      journal.append(Journal.DATA, 8, bytes(3));
    }
    // a file system that lost the seal and kept a complete record of the earlier generation right after the end
    TestFiles.truncate(file(), secondStart);
    TestFiles.writeBytes(file(), secondStart,
        java.util.Arrays.copyOfRange(earlier, (int) secondStart, earlier.length - Journal.SEAL));
    assertThat(readFile(file())).singleElement().satisfies(r -> assertThat(r.offset()).isEqualTo(8));
  }

  @Test
  void garbageAfterTheSealIsIgnored() throws IOException {
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      journal.append(Journal.TABLE, 0, bytes(7));
    }
    TestFiles.writeBytes(file(), TestFiles.size(file()), TestFiles.pattern(100, 3));
    assertThat(readFile(file())).hasSize(1);
  }

  @Test
  void validRecordWithAnUnknownTargetIsCorruption() throws IOException {
    try (Journal journal = new Journal(file(), FileIo.SYSTEM)) {
      journal.append((byte) 7, 0, bytes(1));
    }
    assertThatThrownBy(() -> readFile(file())).isInstanceOf(CorruptionException.class)
        .hasMessageContaining(file().toString()).hasMessageContaining("unknown target 7");
  }
}

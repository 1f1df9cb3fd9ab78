package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.TestFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
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

  @Test
  void recordsReadBackInAppendOrderAndSurviveReopen() throws IOException {
    try (Journal journal = new Journal(file())) {
      assertThat(journal.isEmpty()).isTrue();
      journal.append(Journal.DATA, 5L << 32, bytes(1, 2, 3));
      journal.appendUnsynced(Journal.TABLE, 4096, bytes(9));
      journal.sync();
      assertThat(journal.isEmpty()).isFalse();
    }
    try (Journal journal = new Journal(file())) {
      List<Journal.Record> records = journal.read();
      assertThat(records).hasSize(2);
      assertThat(records.get(0).target()).isEqualTo(Journal.DATA);
      assertThat(records.get(0).offset()).as("offsets beyond 4 GiB").isEqualTo(5L << 32);
      assertThat(records.get(0).bytes()).containsExactly(1, 2, 3);
      assertThat(records.get(1).target()).isEqualTo(Journal.TABLE);
      assertThat(records.get(1).offset()).isEqualTo(4096);
      assertThat(records.get(1).bytes()).containsExactly(9);
    }
  }

  @Test
  void clearEmptiesTheFile() throws IOException {
    try (Journal journal = new Journal(file())) {
      journal.append(Journal.DATA, 0, bytes(1));
      journal.clear();
      assertThat(journal.isEmpty()).isTrue();
      assertThat(journal.read()).isEmpty();
      journal.append(Journal.DATA, 8, bytes(2));
      assertThat(journal.read()).singleElement().satisfies(r -> assertThat(r.offset()).isEqualTo(8));
    }
    assertThat(TestFiles.size(file())).isEqualTo(24 + 1);
  }

  @Test
  void tornLastRecordIsIgnored() throws IOException {
    try (Journal journal = new Journal(file())) {
      journal.append(Journal.DATA, 0, bytes(1, 1));
      journal.append(Journal.DATA, 100, bytes(2, 2, 2, 2));
    }
    TestFiles.truncate(file(), TestFiles.size(file()) - 1);
    try (Journal journal = new Journal(file())) {
      assertThat(journal.read()).singleElement().satisfies(r -> assertThat(r.bytes()).containsExactly(1, 1));
    }
  }

  @Test
  void recordFailingItsChecksumEndsTheJournal() throws IOException {
    try (Journal journal = new Journal(file())) {
      journal.append(Journal.DATA, 0, bytes(1));
      journal.append(Journal.DATA, 1, bytes(2));
      journal.append(Journal.DATA, 2, bytes(3));
    }
    TestFiles.flipByte(file(), 25 + 24);
    try (Journal journal = new Journal(file())) {
      assertThat(journal.read()).hasSize(1);
    }
  }

  @Test
  void garbageAfterTheRecordsIsIgnored() throws IOException {
    try (Journal journal = new Journal(file())) {
      journal.append(Journal.TABLE, 0, bytes(7));
    }
    TestFiles.writeBytes(file(), TestFiles.size(file()), TestFiles.pattern(100, 3));
    try (Journal journal = new Journal(file())) {
      assertThat(journal.read()).hasSize(1);
    }
  }

  @Test
  void validRecordWithAnUnknownTargetIsCorruption() throws IOException {
    try (Journal journal = new Journal(file())) {
      journal.append((byte) 7, 0, bytes(1));
    }
    try (Journal journal = new Journal(file())) {
      assertThatThrownBy(journal::read).isInstanceOf(CorruptionException.class)
          .hasMessageContaining(file().toString()).hasMessageContaining("unknown target 7");
    }
  }
}

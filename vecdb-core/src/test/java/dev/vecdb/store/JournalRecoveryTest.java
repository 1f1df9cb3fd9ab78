package dev.vecdb.store;

import static dev.vecdb.TestFiles.crashCopy;
import static dev.vecdb.TestFiles.filled;
import static dev.vecdb.TestFiles.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 6 on a whole store: a crash leaves ten undo records; one payload byte flipped in record k, for every
 * k, makes the open fail with a {@link CorruptionException} naming the journal and the record, and applies nothing:
 * the data file is byte for byte what the crash left, so the database is never opened half-recovered.
 */
class JournalRecoveryTest {
  private static final int RECORDS = 10;

  @TempDir Path tmp;

  @Test
  void aDamagedRecordAnywhereStopsTheOpenBeforeAnythingIsApplied() throws IOException {
    Path db = tmp.resolve("db");
    byte[] flushed = pattern(RECORDS * 1000, 1);
    try (RegionStore store = RegionStore.open(db)) {
      Region region = store.createIfNeeded("values");
      region.append(flushed);
      store.flush();
      for (int k = 0; k < RECORDS; k++) {
        region.writeAt(k * 1000L, filled(500, 0x40 + k));
      }
      crashCopy(db, tmp.resolve("crash"));
    }
    List<Journal.Record> records;
    try (Journal journal = new Journal(tmp.resolve("crash/journal"), FileIo.SYSTEM)) {
      records = journal.read();
    }
    assertThat(records).hasSize(RECORDS);
    for (int k = 0; k < RECORDS; k++) {
      Path damaged = crashCopy(tmp.resolve("crash"), tmp.resolve("damaged-" + k));
      TestFiles.flipByte(damaged.resolve("journal"), records.get(k).payload() + 100);
      byte[] dataBefore = TestFiles.readBytes(damaged.resolve("data"), 0, (int) TestFiles.size(damaged.resolve("data")));
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> RegionStore.open(damaged).close()).as("record %d damaged", k)
            .isInstanceOf(CorruptionException.class)
            .hasMessageContaining(damaged.resolve("journal").toString())
            .hasMessageContaining("record " + k + " at offset " + (records.get(k).payload() - Journal.HEADER));
      }
      assertThat(TestFiles.readBytes(damaged.resolve("data"), 0, dataBefore.length)).as("nothing was applied")
          .isEqualTo(dataBefore);
      TestFiles.deleteRecursively(damaged);
    }
    try (RegionStore store = RegionStore.open(tmp.resolve("crash"))) {
      assertThat(store.get("values").readAll()).as("the undamaged journal recovers the flush").isEqualTo(flushed);
    }
  }
}

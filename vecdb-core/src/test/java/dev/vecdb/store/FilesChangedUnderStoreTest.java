package dev.vecdb.store;

import static dev.vecdb.TestFiles.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vecdb.CorruptionException;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.StorageException;
import dev.vecdb.TestFiles;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Another process changes the store's files or directory while the store is open, for real, as a person or a script
 * could ({@code Files.delete}, {@code FileChannel.truncate} on a channel of its own, {@code Files.move}, overwriting
 * bytes): a flush must then fail naming the file and the cause and fail the store, rather than report a commit that
 * a reopen cannot deliver, and a reopen must show exactly the last successful flush or report corruption — never a
 * mix of old and new bytes. The data file's truncation has its own test ({@code TruncatedUnderMappingTest}).
 */
class FilesChangedUnderStoreTest {
  @TempDir Path tmp;

  private Path db() {
    return tmp.resolve("db");
  }

  /** What another process does to the open store's directory. */
  enum Hostile {
    REGIONS_TRUNCATED_TO_ZERO("regions", "truncated", dir -> TestFiles.truncate(dir.resolve("regions"), 0)),
    REGIONS_TRUNCATED_TO_HALF("regions", "truncated",
        dir -> TestFiles.truncate(dir.resolve("regions"), Files.size(dir.resolve("regions")) / 2)),
    REGIONS_ZEROED("regions", "overwritten", dir -> TestFiles.writeBytes(dir.resolve("regions"), 0,
        new byte[(int) Files.size(dir.resolve("regions"))])),
    REGIONS_DELETED("regions", "deleted", dir -> Files.delete(dir.resolve("regions"))),
    REGIONS_REPLACED("regions", "replaced", dir -> {
      Path copy = dir.resolveSibling("regions.copy");
      Files.copy(dir.resolve("regions"), copy);
      Files.move(copy, dir.resolve("regions"), StandardCopyOption.REPLACE_EXISTING);
    }),
    DATA_DELETED("data", "deleted", dir -> Files.delete(dir.resolve("data"))),
    JOURNAL_DELETED("journal", "deleted", dir -> Files.delete(dir.resolve("journal"))),
    DIRECTORY_DELETED("data", "deleted", TestFiles::deleteRecursively),
    DIRECTORY_RENAMED("data", "deleted", dir -> Files.move(dir, renamed(dir)));

    /** The file the flush's error names, and a word of its cause. */
    final String file;
    final String cause;
    private final Change change;

    Hostile(String file, String cause, Change change) {
      this.file = file;
      this.cause = cause;
      this.change = change;
    }

    void apply(Path dir) throws IOException {
      change.apply(dir);
    }
  }

  /** A change to the database directory {@code dir}. */
  private interface Change {
    void apply(Path dir) throws IOException;
  }

  private static Path renamed(Path dir) {
    return dir.resolveSibling(dir.getFileName() + "-renamed");
  }

  /**
   * The change comes after writes that overwrite flushed bytes (their old bytes are in the journal) and before the
   * flush that would commit them: the flush fails naming the file, the store refuses everything after it, and a
   * reopen finds the last successful flush exactly, or reports corruption.
   */
  @ParameterizedTest
  @EnumSource(Hostile.class)
  void aFlushAfterTheChangeFailsAndTheReopenNeverShowsAMix(Hostile hostile) throws IOException {
    Map<String, ByteBuffer> flushed;
    try (RegionStore store = RegionStore.open(db())) {
      flushed = flushedState(store);
      overwriteAndCreate(store);
      hostile.apply(db());
      assertThatThrownBy(store::flush).isInstanceOf(StorageException.class)
          .hasMessageContaining(hostile.file).hasMessageContaining(hostile.cause)
          .hasMessageContaining("another process");
      assertThatThrownBy(() -> store.createIfNeeded("e")).isInstanceOf(StorageException.class)
          .hasMessageContaining("failed earlier").hasMessageContaining(hostile.file);
      assertThatThrownBy(store::flush).isInstanceOf(StorageException.class).hasMessageContaining("failed earlier");
    }
    switch (hostile) {
      case DIRECTORY_DELETED -> assertThat(db()).doesNotExist(); // nothing left to reopen
      case DIRECTORY_RENAMED -> assertThat(contentsAfterReopen(renamed(db()))).isEqualTo(flushed);
      // the journal's pending records were copied back; the replaced table is a copy of the flushed one
      case JOURNAL_DELETED, REGIONS_REPLACED -> assertThat(contentsAfterReopen(db())).isEqualTo(flushed);
      default -> assertLastFlushOrCorruption(flushed);
    }
  }

  /** A change while nothing is pending fails the next flush all the same: it would commit into a lost file. */
  @ParameterizedTest
  @EnumSource(Hostile.class)
  void aFlushOfNewRegionsAfterTheChangeFails(Hostile hostile) throws IOException {
    try (RegionStore store = RegionStore.open(db())) {
      flushedState(store);
      hostile.apply(db());
      store.createIfNeeded("d").append(pattern(500, 4));
      assertThatThrownBy(store::flush).isInstanceOf(StorageException.class)
          .hasMessageContaining(hostile.file).hasMessageContaining("another process");
    }
  }

  /**
   * A journal cut while it holds the old bytes of overwritten values: the flush still commits (it is what makes
   * those old bytes unnecessary, and the reopen finds it), since failing it would leave a reopen nothing to go back to.
   */
  @ParameterizedTest
  @EnumSource(names = {"ZERO", "HALF"})
  void aJournalCutBeforeAFlushLeavesThatFlushWhole(Cut cut) throws IOException {
    Map<String, ByteBuffer> committed;
    try (RegionStore store = RegionStore.open(db())) {
      flushedState(store);
      overwriteAndCreate(store);
      cut.apply(db().resolve("journal"));
      store.flush();
      committed = contents(store);
    }
    assertThat(contentsAfterReopen(db())).isEqualTo(committed);
  }

  /**
   * A journal cut while it holds the old bytes of overwritten values, then a close without flush (or a crash): the
   * reopen cannot go back to the last flush, and must say so rather than show the overwritten bytes under the last
   * flush's table.
   */
  @ParameterizedTest
  @EnumSource(names = {"ZERO", "HALF"})
  void aJournalCutThenACloseWithoutFlushIsReportedAtReopen(Cut cut) throws IOException {
    try (RegionStore store = RegionStore.open(db())) {
      flushedState(store);
      overwriteAndCreate(store);
      store.get("b").writeAt(0, pattern(3000, 8)); // a second record: the half cut falls inside the records
      cut.apply(db().resolve("journal"));
    }
    assertThatThrownBy(() -> contentsAfterReopen(db())).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("journal");
  }

  /**
   * A journal cut under its pending records, then another overwrite (its record lands past the cut), then a crash:
   * the crash image reopens with a {@link CorruptionException} naming the journal, not with a partial undo.
   */
  @ParameterizedTest
  @EnumSource(names = {"ZERO", "HALF"})
  void aRecordAppendedAfterACutMakesACrashImageReportIt(Cut cut) throws IOException {
    Path image = tmp.resolve("crash");
    try (RegionStore store = RegionStore.open(db())) {
      flushedState(store);
      overwriteAndCreate(store);
      store.get("b").writeAt(0, pattern(3000, 8));
      cut.apply(db().resolve("journal"));
      store.get("c").writeAt(0, pattern(100, 7));
      TestFiles.crashCopy(db(), image);
    }
    assertThatThrownBy(() -> contentsAfterReopen(image)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("journal");
  }

  /** A journal deleted under pending records, then a close without flush: the reopen still undoes the overwrites. */
  @Test
  void aJournalDeletedThenACloseWithoutFlushIsCopiedBack() throws IOException {
    Map<String, ByteBuffer> flushed;
    try (RegionStore store = RegionStore.open(db())) {
      flushed = flushedState(store);
      overwriteAndCreate(store);
      Files.delete(db().resolve("journal"));
    }
    assertThat(contentsAfterReopen(db())).isEqualTo(flushed);
  }

  /** Through the public API: a vector's write and the database's flush after the region table was cut. */
  @Test
  void aDatabaseFlushFailsAndRefusesLaterWrites() throws IOException {
    try (Database db = Database.open(db())) {
      LongVec v = db.longVec("v", NumberType.U64, VecOptions.of(Format.BYTES));
      v.push(1);
      v.flush();
      Hostile.REGIONS_TRUNCATED_TO_ZERO.apply(db());
      v.push(2);
      v.write();
      assertThatThrownBy(db::flush).isInstanceOf(StorageException.class).hasMessageContaining("regions")
          .hasMessageContaining("truncated");
      v.push(3);
      assertThatThrownBy(v::write).isInstanceOf(StorageException.class).hasMessageContaining("failed earlier");
    }
    assertThatThrownBy(() -> Database.open(db()).close()).isInstanceOf(CorruptionException.class);
  }

  /** How much of the journal another process cuts. */
  enum Cut {
    ZERO,
    HALF;

    void apply(Path journal) throws IOException {
      long size = Files.size(journal);
      assertThat(size).as("the journal holds records").isPositive();
      TestFiles.truncate(journal, this == ZERO ? 0 : size / 2);
    }
  }

  /** Regions and the journal untouched, other files beside them: nothing fails. */
  @Test
  void aFileAddedToTheDirectoryChangesNothing() throws IOException {
    Map<String, ByteBuffer> committed;
    try (RegionStore store = RegionStore.open(db())) {
      flushedState(store);
      Files.write(db().resolve("notes.txt"), new byte[] {1, 2, 3});
      overwriteAndCreate(store);
      store.flush();
      committed = contents(store);
    }
    assertThat(contentsAfterReopen(db())).isEqualTo(committed);
  }

  private void assertLastFlushOrCorruption(Map<String, ByteBuffer> flushed) {
    List<Map<String, ByteBuffer>> reopened = new ArrayList<>();
    Throwable thrown = catchThrowable(() -> reopened.add(contentsAfterReopen(db())));
    if (thrown == null) {
      assertThat(reopened.getFirst()).as("the reopen shows the last successful flush").isEqualTo(flushed);
    } else {
      assertThat(thrown).as("the reopen reports the damage").isInstanceOf(CorruptionException.class);
    }
  }

  /** Flushes regions a, b and c and returns their contents. */
  private static Map<String, ByteBuffer> flushedState(RegionStore store) {
    store.createIfNeeded("a").append(pattern(10_000, 1));
    store.createIfNeeded("b").append(pattern(3000, 2));
    store.createIfNeeded("c").append(pattern(100, 3));
    store.flush();
    return contents(store);
  }

  /** Overwrites flushed bytes of "a" (journaled first) and creates "d": a flush would commit both. */
  private static void overwriteAndCreate(RegionStore store) {
    store.get("a").writeAt(0, pattern(6000, 9));
    store.createIfNeeded("d").append(pattern(500, 4));
  }

  private static Map<String, ByteBuffer> contents(RegionStore store) {
    Map<String, ByteBuffer> all = new TreeMap<>();
    for (String id : store.ids()) {
      all.put(id, ByteBuffer.wrap(store.get(id).readAll())); // compared by contents
    }
    return all;
  }

  private static Map<String, ByteBuffer> contentsAfterReopen(Path dir) {
    try (RegionStore store = RegionStore.open(dir)) {
      return contents(store);
    }
  }
}

package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 9: a new database's directory entries are made durable at every level that open created, so that a
 * power loss after the first flush cannot lose the directory; a directory sync that fails with an I/O error fails
 * the open. Reopening a complete database syncs no directory.
 */
class DirectorySyncTest {
  @TempDir Path tmp;

  @Test
  void everyCreatedLevelAndItsParentIsSynced() {
    Path db = tmp.resolve("a/b/db");
    FaultyIo io = new FaultyIo();
    try (RegionStore store = RegionStore.open(db, io)) {
      store.createIfNeeded("r").append(new byte[] {1});
      store.flush();
    }
    assertThat(io.history().stream().filter(c -> c.kind().equals("syncDirectory")).map(FaultyIo.Call::file))
        .containsExactlyInAnyOrder(tmp, tmp.resolve("a"), tmp.resolve("a/b"), db);
  }

  @Test
  void anExistingDirectoryIsSyncedAloneAfterTheFilesAreCreated() throws Exception {
    Path db = Files.createDirectories(tmp.resolve("existing"));
    FaultyIo io = new FaultyIo();
    RegionStore.open(db, io).close();
    assertThat(io.history().stream().filter(c -> c.kind().equals("syncDirectory")).map(FaultyIo.Call::file))
        .containsExactly(db);
  }

  @Test
  void reopeningAnExistingDatabaseSyncsNoDirectoryUnlessItsCreationStopped() throws Exception {
    Path db = tmp.resolve("db");
    try (RegionStore store = RegionStore.open(db)) {
      store.createIfNeeded("r").append(new byte[] {1});
      store.flush();
    }
    FaultyIo io = new FaultyIo();
    RegionStore.open(db, io).close();
    assertThat(io.history()).extracting(FaultyIo.Call::kind).doesNotContain("syncDirectory");

    Path unfinished = tmp.resolve("unfinished");
    RegionStore.open(unfinished).close();
    FaultyIo again = new FaultyIo();
    RegionStore.open(unfinished, again).close();
    assertThat(again.history().stream().filter(c -> c.kind().equals("syncDirectory")).map(FaultyIo.Call::file))
        .as("never flushed: its creation may not have been synced").containsExactly(unfinished);
    Files.delete(db.resolve("journal"));
    FaultyIo recreated = new FaultyIo();
    RegionStore.open(db, recreated).close();
    assertThat(recreated.history()).extracting(FaultyIo.Call::kind).contains("syncDirectory");
  }

  @Test
  void anIoErrorFromADirectorySyncFailsTheOpenAndReleasesTheDirectory() {
    Path db = tmp.resolve("a/db");
    FaultyIo io = new FaultyIo().failWhen(c -> c.kind().equals("syncDirectory"), FaultyIo::ioError);
    assertThatThrownBy(() -> RegionStore.open(db, io)).isInstanceOf(StorageException.class)
        .hasMessageContaining("Input/output error");
    RegionStore.open(db).close();
  }
}

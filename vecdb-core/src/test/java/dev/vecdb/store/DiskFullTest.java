package dev.vecdb.store;

import static dev.vecdb.TestFiles.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vecdb.StorageException;
import dev.vecdb.TestFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real full disk: a 2 MiB tmpfs. Needs permission to mount (root); skipped otherwise. */
class DiskFullTest {
  private static final int PAGE = 4096;

  @TempDir Path tmp;
  private Path mount;
  private Path db;

  @BeforeEach
  void mountSmallTmpfs() throws IOException {
    mount = tmp.resolve("mnt");
    Files.createDirectories(mount);
    int rc;
    try {
      rc = TestFiles.run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
    } catch (IOException noMountCommand) {
      rc = -1;
    }
    Assumptions.assumeTrue(rc == 0, "cannot mount a 2 MiB tmpfs (mount exited " + rc
        + "; needs root or CAP_SYS_ADMIN): skipping the full-disk tests");
    db = mount.resolve("db");
  }

  @AfterEach
  void unmount() throws IOException {
    if (db != null) {
      assertThat(TestFiles.run("umount", mount.toString())).as("umount " + mount).isZero();
    }
  }

  /** Writes a file of 4 KiB blocks until the file system is full, then frees {@code freePages} pages of it. */
  private void fillLeaving(int freePages) throws IOException {
    Path filler = mount.resolve("filler");
    try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer block = ByteBuffer.allocate(PAGE);
      try {
        while (true) {
          block.clear();
          while (block.hasRemaining()) {
            channel.write(block, channel.size());
          }
        }
      } catch (IOException full) {
        long pages = (channel.size() + PAGE - 1) / PAGE;
        channel.truncate((pages - freePages) * PAGE);
      }
    }
  }

  @Test
  void appendingUntilTheDiskIsFullFailsCleanlyAndKeepsTheLastFlush() {
    byte[] flushed = pattern(100_000, 1);
    try (RegionStore store = RegionStore.open(db)) {
      store.createIfNeeded("a").append(flushed);
      store.flush();
      Region b = store.createIfNeeded("b");
      byte[] chunk = pattern(64 * 1024, 2);
      StorageException full = null;
      for (int i = 0; i < 100 && full == null; i++) {
        full = catchThrowableOfType(StorageException.class, () -> b.append(chunk));
      }
      assertThat(full).as("a 2 MiB file system fills up").isNotNull();
      assertThat(full.getMessage()).contains(db.toString()).contains("'b'");
      assertThat(full.getCause()).isInstanceOf(IOException.class);
      assertThat(store.get("a").readAll()).containsExactly(flushed);
      assertThat(b.readAll()).hasSize((int) b.length());
    }
    try (RegionStore store = RegionStore.open(db)) {
      assertThat(store.ids()).containsExactly("a");
      assertThat(store.get("a").readAll()).containsExactly(flushed);
    }
  }

  @Test
  void overwriteFailingHalfWayFailsTheStoreUntilReopened() throws IOException {
    byte[] flushed = pattern(2 * PAGE + 1, 3);
    try (RegionStore store = RegionStore.open(db)) {
      Region r = store.createIfNeeded("r");
      r.append(flushed);
      assertThat(r.reserved()).isEqualTo(4 * PAGE);
      store.flush();
      fillLeaving(1);

      byte[] overwrite = pattern(100 + PAGE, 4);
      long at = flushed.length - 100;
      assertThatThrownBy(() -> r.writeAt(at, overwrite)).isInstanceOf(StorageException.class)
          .hasMessageContaining(db.toString()).hasMessageContaining("'r'");

      assertThatThrownBy(() -> r.append(new byte[1])).isInstanceOf(StorageException.class)
          .hasMessageContaining(db.toString()).hasMessageContaining("reopen");
      assertThatThrownBy(() -> store.createIfNeeded("other")).isInstanceOf(StorageException.class)
          .hasMessageContaining("reopen");
      assertThatThrownBy(store::flush).isInstanceOf(StorageException.class).hasMessageContaining("reopen");
      assertThat(r.length()).isEqualTo(flushed.length);
    }
    try (RegionStore store = RegionStore.open(db)) {
      assertThat(store.get("r").readAll()).as("the journal undid the half-applied overwrite")
          .containsExactly(flushed);
    }
  }

  @Test
  void flushFailingOnAFullDiskFailsTheStoreAndReopenKeepsThePreviousFlush() throws IOException {
    try (RegionStore store = RegionStore.open(db)) {
      store.createIfNeeded("a").append(new byte[] {1, 2, 3});
      store.flush();
      assertThat(store.commitNumber()).isEqualTo(1);
      store.rename("a", "b");
      fillLeaving(0);
      assertThatThrownBy(store::flush).isInstanceOf(StorageException.class)
          .hasMessageContaining(db.toString()).hasMessageContaining("flush");
      assertThatThrownBy(store::flush).isInstanceOf(StorageException.class).hasMessageContaining("reopen");
      assertThat(store.get("b").readAll()).containsExactly(1, 2, 3);
      assertThat(store.commitNumber()).as("a failed flush takes no commit number").isEqualTo(1);
    }
    Files.delete(mount.resolve("filler"));
    try (RegionStore store = RegionStore.open(db)) {
      assertThat(store.ids()).containsExactly("a");
      assertThat(store.get("a").readAll()).containsExactly(1, 2, 3);
      assertThat(store.commitNumber()).isEqualTo(1);
      store.rename("a", "c");
      store.flush();
      assertThat(store.commitNumber()).as("the next completed flush takes the next number").isEqualTo(2);
    }
  }

  @Test
  void flushFailingWhileGrowingTheTableIsUndoneAtReopenOnTheStillFullDisk() throws IOException {
    try (RegionStore store = RegionStore.open(db)) {
      store.createIfNeeded("a").append(new byte[] {1});
      store.createIfNeeded("b").append(new byte[] {2});
      store.flush();
      store.rename("a", "a2");
      store.createIfNeeded("c");
      store.createIfNeeded("d"); // slots 3 and 4 (slot 2 holds the commit sequence): the table grows by a page
      fillLeaving(2);
      assertThatThrownBy(store::flush).isInstanceOf(StorageException.class).hasMessageContaining(db.toString());
    }
    assertThat(TestFiles.size(db.resolve("journal"))).as("the flush got as far as the table").isPositive();
    try (RegionStore store = RegionStore.open(db)) {
      assertThat(store.ids()).containsExactly("a", "b");
      assertThat(store.get("a").readAll()).containsExactly(1);
    }
  }
}

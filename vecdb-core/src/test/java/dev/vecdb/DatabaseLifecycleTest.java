package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.store.Region;
import dev.vecdb.store.RegionReader;
import dev.vecdb.store.RegionStore;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseLifecycleTest {
  @TempDir Path dir;

  @Test
  void closeFlushesNothing() {
    try (Database db = Database.open(dir)) {
      Region a = db.regions().createIfNeeded("a");
      a.append(new byte[] {1, 2});
      db.flush();
      a.append(new byte[] {3});
      a.writeAt(0, new byte[] {9});
      db.regions().createIfNeeded("b").append(new byte[] {4});
    }
    try (Database db = Database.open(dir)) {
      assertThat(db.regions().ids()).containsExactly("a");
      assertThat(db.regions().get("a").readAll()).containsExactly(1, 2);
    }
  }

  @Test
  void flushAndCloseFlushes() {
    Database db = Database.open(dir);
    db.regions().createIfNeeded("a").append(new byte[] {5});
    db.flushAndClose();
    assertThat(db.isOpen()).isFalse();
    try (Database again = Database.open(dir)) {
      assertThat(again.regions().get("a").readAll()).containsExactly(5);
    }
  }

  @Test
  void everyUseAfterCloseIsAClosedException() {
    Database db = Database.open(dir);
    RegionStore store = db.regions();
    Region a = store.createIfNeeded("a");
    a.append(new byte[] {1, 2, 3});
    RegionReader reader = a.reader();
    db.close();

    ThrowingCallable[] uses = {
        db::flush, db::compact, db::diskUsage,
        () -> store.createIfNeeded("a"), () -> store.createIfNeeded("new"), () -> store.get("a"),
        () -> store.find("a"), () -> store.contains("a"), store::ids, store::regions, () -> store.remove("a"),
        () -> store.removeIfExists("a"), () -> store.rename("a", "b"), () -> store.retain(Set.of()),
        store::fileLength, store::flush,
        () -> a.append(new byte[1]), () -> a.writeAt(0, new byte[1]), () -> a.truncate(1),
        () -> a.truncateAndWrite(0, new byte[1]), a::segment, a::readAll, () -> a.read(0, 1),
        () -> a.read(0, MemorySegment.ofArray(new byte[1])), a::reader, () -> a.rename("c"), a::remove,
        reader::segment};
    for (ThrowingCallable use : uses) {
      assertThatThrownBy(use).isInstanceOf(ClosedException.class).hasMessageContaining(dir.toString());
    }
    reader.close();
    assertThat(a.length()).isEqualTo(3);
  }

  @Test
  void openingARegularFileFailsNamingIt() throws IOException {
    Path file = Files.createFile(dir.resolve("not-a-directory"));
    assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StorageException.class)
        .hasMessageContaining(file.toString()).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void closeReleasesTheLockEvenWhileASegmentIsBusyInNativeIo() throws Exception {
    Database db = Database.open(dir);
    Region a = db.regions().createIfNeeded("a");
    a.append(new byte[1 << 20]);
    Pipe pipe = Pipe.open();
    Thread writer = Thread.ofPlatform().daemon().start(() -> {
      try {
        pipe.sink().write(a.segment().asByteBuffer());
      } catch (IOException | IllegalStateException expected) {
        // the pipe closed, or the segment's arena did
      }
    });
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
        Arrays.stream(writer.getStackTrace()).anyMatch(f -> f.getMethodName().startsWith("write0")));
    try {
      db.close();
    } catch (IllegalStateException segmentInUse) {
      assertThat(segmentInUse).hasMessageContaining("acquired");
    }
    try {
      assertThat(db.isOpen()).isFalse();
      assertThatThrownBy(() -> db.regions().get("a")).isInstanceOf(ClosedException.class);
      try (Database again = Database.open(dir)) {
        assertThat(again.regions().ids()).isEmpty();
      }
    } finally {
      pipe.source().close();
      pipe.sink().close();
      writer.join(10_000);
    }
  }
}

package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One open database per directory, in this JVM and across processes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockTest {
  @TempDir Path tmp;

  /** A child JVM running {@link LockHolder} on {@code dir}; its first output line says whether it got the lock. */
  private record Child(Process process, String firstLine) implements AutoCloseable {
    static Child start(Path dir) throws IOException {
      String java = ProcessHandle.current().info().command().orElseThrow();
      Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          LockHolder.class.getName(), dir.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      return new Child(process, String.valueOf(out.readLine()));
    }

    @Override
    public void close() throws IOException {
      process.getOutputStream().close();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void openCreatesTheDirectory() {
    Path dir = tmp.resolve("a/b/db");
    try (Database db = Database.open(dir)) {
      assertThat(Files.isDirectory(dir)).isTrue();
      assertThat(db.path()).isEqualTo(dir.toAbsolutePath());
      assertThat(db.isOpen()).isTrue();
    }
  }

  @Test
  void secondOpenInTheSameJvmFailsNamingTheDirectory() throws IOException {
    Path dir = tmp.resolve("db");
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(DatabaseLockedException.class)
          .hasMessageContaining(dir.toString());
      assertThatThrownBy(() -> Database.open(tmp.resolve("x/../db"))).isInstanceOf(DatabaseLockedException.class);
      Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
      assertThatThrownBy(() -> Database.open(link)).isInstanceOf(DatabaseLockedException.class);
      assertThat(db.isOpen()).isTrue();
      db.regions().createIfNeeded("still-usable").append(new byte[] {1});
    }
  }

  @Test
  void openFailsWhileAnotherProcessHoldsTheDatabase() throws IOException {
    Path dir = tmp.resolve("db");
    try (Child child = Child.start(dir)) {
      assertThat(child.firstLine()).isEqualTo("locked");
      assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(DatabaseLockedException.class)
          .hasMessageContaining(dir.toString());
    }
    try (Database db = Database.open(dir)) {
      assertThat(db.isOpen()).as("the child released its lock when it ended").isTrue();
    }
  }

  @Test
  void anotherProcessCannotOpenWhileThisJvmHoldsTheDatabase() throws IOException {
    Path dir = tmp.resolve("db");
    try (Database db = Database.open(dir)) {
      try (Child child = Child.start(dir)) {
        assertThat(child.firstLine()).startsWith("refused").contains(dir.toString());
      }
    }
    try (Child child = Child.start(dir)) {
      assertThat(child.firstLine()).as("closing released the lock").isEqualTo("locked");
    }
  }

  @Test
  void aRefusedSecondOpenInThisJvmDoesNotReleaseTheLockOfTheFirst() throws IOException {
    Path dir = tmp.resolve("db");
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(DatabaseLockedException.class);
      try (Child child = Child.start(dir)) {
        assertThat(child.firstLine()).startsWith("refused");
      }
    }
  }

  /**
   * Issue 13 item 9: the lock is held on the region table, a file of the database itself, not on a separate file
   * that a clean-up could delete; hole punching and flushes, which open and close files, keep it.
   */
  @Test
  void noFileThatCanBeDeletedUnderAnOpenDatabaseReleasesIt() throws IOException {
    Path dir = tmp.resolve("db");
    try (Database db = Database.open(dir)) {
      db.regions().createIfNeeded("r").append(new byte[100_000]);
      db.flush();
      db.regions().get("r").truncate(10);
      db.compact();
      Files.deleteIfExists(dir.resolve("lock"));
      Files.writeString(dir.resolve("lock"), "a stale lock file from an older version");
      Files.delete(dir.resolve("lock"));
      try (Child child = Child.start(dir)) {
        assertThat(child.firstLine()).startsWith("refused").contains(dir.toString());
      }
      db.regions().get("r").append(new byte[] {1});
      db.flush();
    }
    try (Child child = Child.start(dir)) {
      assertThat(child.firstLine()).as("closing released the lock").isEqualTo("locked");
    }
  }

  @Test
  void anEmptyPathIsRefusedInsteadOfOpeningTheWorkingDirectory() {
    assertThatThrownBy(() -> Database.open(Path.of(""))).isInstanceOf(InvalidNameException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void closeReleasesTheLockAndIsIdempotent() {
    Path dir = tmp.resolve("db");
    Database db = Database.open(dir);
    db.close();
    db.close();
    assertThat(db.isOpen()).isFalse();
    try (Database again = Database.open(dir)) {
      assertThat(again.isOpen()).isTrue();
      db.close();
      assertThatThrownBy(() -> Database.open(dir)).as("closing the old handle again changes nothing")
          .isInstanceOf(DatabaseLockedException.class);
    }
  }
}

package dev.vecdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Stream;

/** Small file helpers shared by the storage tests: crash copies, byte flips and raw reads. */
public final class TestFiles {
  private TestFiles() {}

  /**
   * Copies every regular file of {@code from} except a {@code lock} file (older versions locked one) into a new
   * directory {@code to}: the image a process crash at this instant leaves behind (writes go to the page cache,
   * which the copy reads). Holes stay holes ({@code cp --sparse=always}), so copying a sparse multi-GiB data file
   * costs no disk.
   */
  public static Path crashCopy(Path from, Path to) {
    try {
      Files.createDirectories(to);
      try (Stream<Path> files = Files.list(from)) {
        for (Path file : files.toList()) {
          if (Files.isRegularFile(file) && !file.getFileName().toString().equals("lock")) {
            if (run("cp", "--sparse=always", file.toString(), to.resolve(file.getFileName()).toString()) != 0) {
              throw new IOException("cannot copy " + file + " to " + to);
            }
          }
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies every file of {@code from} except the lock file into a new directory {@code to} (plain Java copies). */
  public static Path copyDatabase(Path from, Path to) {
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path file : files.toList()) {
        if (!file.getFileName().toString().equals("lock")) {
          Files.copy(file, to.resolve(file.getFileName()));
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything in it. */
  public static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a command to completion.
   *
   * @return its exit code; its output is discarded
   */
  public static int run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + String.join(" ", command), e);
    }
  }

  /** Deletes {@code dir} and everything in it; no-op when it does not exist. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inverts every bit of the byte at {@code offset} of {@code file}. */
  public static void flipByte(Path file, long offset) {
    byte[] old = readBytes(file, offset, 1);
    writeBytes(file, offset, new byte[] {(byte) ~old[0]});
  }

  /** Reads {@code length} bytes at {@code offset} of {@code file} with positional reads (no mapping). */
  public static byte[] readBytes(Path file, long offset, int length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, offset + buffer.position()) < 0) {
          throw new IOException("end of " + file + " at " + (offset + buffer.position()));
        }
      }
      return buffer.array();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code bytes} at {@code offset} of {@code file}. */
  public static void writeBytes(Path file, long offset, byte[] bytes) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer, offset + buffer.position());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the length of {@code file}. */
  public static void truncate(Path file, long length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Length of {@code file}. */
  public static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code length} bytes of a deterministic pattern that differs per {@code seed}. */
  public static byte[] pattern(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + seed * 17 + (i >>> 8));
    }
    return bytes;
  }

  /** {@code length} copies of {@code value}. */
  public static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}

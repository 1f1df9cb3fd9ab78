package dev.vecdb.store;

import dev.vecdb.internal.Exceptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Internal: every operation by which the store changes or syncs a file goes through one of these methods, so that
 * fault-injection tests can fail any one of them (the way SQLite tests its I/O errors). Applications use
 * {@link #SYSTEM}, which {@link RegionStore#open(Path)} picks; nothing else is supported.
 *
 * <p>Growing the data file is a one-byte {@link #write} at its new end. Opening files and reading them are not
 * part of the seam.
 *
 * <p>{@code file} names the file the channel is open on (for messages and for tests that track each file). The store
 * keeps its implementation in a final field and calls it without allocating. Implementations must be thread-safe.
 */
public interface FileIo {
  /** The real file system: each method is the {@link FileChannel} call of the same name. */
  FileIo SYSTEM = new FileIo() {};

  /** One positional write; returns the number of bytes written, which may be fewer than remain in {@code src}. */
  default int write(Path file, FileChannel channel, ByteBuffer src, long position) throws IOException {
    return channel.write(src, position);
  }

  /** Makes the file's written bytes and length durable ({@code fdatasync}). */
  default void force(Path file, FileChannel channel) throws IOException {
    channel.force(false);
  }

  /** Cuts the file to {@code size} bytes. */
  default void truncate(Path file, FileChannel channel, long size) throws IOException {
    channel.truncate(size);
  }

  /** Deallocates {@code [offset, offset + length)} of the file (it reads back as zeros, the length is unchanged). */
  default void punchHole(Path file, long offset, long length) throws IOException {
    NativeFiles.available().orElseThrow(() -> Exceptions.io("cannot punch holes in %s without native access", file))
        .punchHole(file, offset, length);
  }

  /**
   * Allocates disk blocks for {@code [offset, offset + length)} of the file where the platform can (Linux with
   * native access: {@code fallocate}); elsewhere does nothing, and the space stays sparse.
   */
  default void allocate(Path file, long offset, long length) throws IOException {
    var natives = NativeFiles.available();
    if (natives.isPresent()) {
      natives.get().allocate(file, offset, length);
    }
  }

  /**
   * Makes the entries of {@code directory} durable. A file system that cannot sync a directory makes this a no-op;
   * any other failure (EIO) is an {@link IOException}.
   */
  default void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, java.nio.file.StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (!isUnsupported(e)) {
        throw e;
      }
    }
  }

  /**
   * Whether {@code e} says that the platform cannot sync a directory: Windows cannot open one as a file (access
   * denied), some Linux file systems answer {@code EINVAL}. An I/O error ({@code EIO}) is never "unsupported".
   */
  private static boolean isUnsupported(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return System.getProperty("os.name", "").startsWith("Windows");
    }
    return String.valueOf(e.getMessage()).contains("Invalid argument");
  }
}

package dev.vecdb.store;

import dev.vecdb.internal.Exceptions;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file operations Java has no API for, through FFM downcalls into the C library on Linux: allocating blocks
 * ({@code fallocate}), punching a hole ({@code fallocate(PUNCH_HOLE | KEEP_SIZE)}) and reading the allocated size of
 * a sparse file ({@code st_blocks} of {@code stat}).
 *
 * <p>Used only when the application enabled native access for vecdb ({@code --enable-native-access=ALL-UNNAMED} or
 * the {@code Enable-Native-Access} manifest attribute): without it, {@link #available()} is empty and vecdb makes no
 * restricted call, so the JDK prints no warning. Thread-safe and stateless.
 */
final class NativeFiles {
  private static final int O_RDWR = 2;
  private static final int FALLOC_FL_KEEP_SIZE = 1;
  private static final int FALLOC_FL_PUNCH_HOLE = 2;
  /** {@code st_blocks} is at byte 64 of {@code struct stat} on both x86_64 and aarch64 Linux. */
  private static final long ST_BLOCKS_OFFSET = 64;
  private static final long STAT_SIZE = 256;

  private static final Optional<NativeFiles> INSTANCE = load();

  private final MethodHandle open;
  private final MethodHandle close;
  private final MethodHandle fallocate;
  private final MethodHandle stat;
  private final StructLayout callState;
  private final VarHandle errno;

  // The downcalls are restricted methods on purpose: load() constructs this only when native access is enabled.
  @SuppressWarnings("restricted")
  private NativeFiles(Linker linker, SymbolLookup libc) {
    Linker.Option ccs = Linker.Option.captureCallState("errno");
    this.callState = Linker.Option.captureStateLayout();
    this.errno = callState.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    this.open = linker.downcallHandle(libc.find("open").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), ccs);
    this.close = linker.downcallHandle(libc.find("close").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    this.fallocate = linker.downcallHandle(libc.find("fallocate").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), ccs);
    this.stat = linker.downcallHandle(libc.find("stat").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS), ccs);
  }

  /** The native operations, when the platform is Linux and native access is enabled for vecdb. */
  static Optional<NativeFiles> available() {
    return INSTANCE;
  }

  private static Optional<NativeFiles> load() {
    boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    if (!linux || !NativeFiles.class.getModule().isNativeAccessEnabled()) {
      return Optional.empty();
    }
    try {
      Linker linker = Linker.nativeLinker();
      return Optional.of(new NativeFiles(linker, linker.defaultLookup()));
    } catch (RuntimeException unavailable) {
      return Optional.empty();
    }
  }

  /** Deallocates {@code [offset, offset + length)} of the file; it reads back as zeros, the length is unchanged. */
  void punchHole(Path file, long offset, long length) throws IOException {
    fallocate(file, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, length, "fallocate(PUNCH_HOLE)");
  }

  private void fallocate(Path file, int mode, long offset, long length, String call) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(callState);
      int fd = (int) open.invokeExact(state, arena.allocateFrom(file.toString()), O_RDWR);
      if (fd < 0) {
        throw Exceptions.io("open(%s) failed, errno %s", file, (int) errno.get(state, 0L));
      }
      try {
        int rc = (int) fallocate.invokeExact(state, fd, mode, offset, length);
        if (rc != 0) {
          throw Exceptions.io("%s of %s bytes at %s in %s failed, errno %s", call, length, offset, file,
              (int) errno.get(state, 0L));
        }
      } finally {
        int ignored = (int) close.invokeExact(fd);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw Exceptions.io(e, "native call failed for %s", file);
    }
  }

  /**
   * Allocates disk blocks for {@code [offset, offset + length)} of the file ({@code fallocate} mode 0): later writes
   * there need no new block, and a full disk fails this call instead. Extends the file if the range ends past it.
   */
  void allocate(Path file, long offset, long length) throws IOException {
    fallocate(file, 0, offset, length, "fallocate");
  }

  /** Bytes actually allocated on disk for the file ({@code st_blocks * 512}). */
  long allocatedBytes(Path file) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(callState);
      MemorySegment buffer = arena.allocate(STAT_SIZE, 8);
      int rc = (int) stat.invokeExact(state, arena.allocateFrom(file.toString()), buffer);
      if (rc != 0) {
        throw Exceptions.io("stat(%s) failed, errno %s", file, (int) errno.get(state, 0L));
      }
      return buffer.get(ValueLayout.JAVA_LONG, ST_BLOCKS_OFFSET) * 512;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw Exceptions.io(e, "native call failed for %s", file);
    }
  }
}

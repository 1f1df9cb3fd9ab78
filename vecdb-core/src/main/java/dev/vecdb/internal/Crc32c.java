package dev.vecdb.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32C;

/**
 * The CRC32C of bytes wherever they lie, safe on a file's mapping.
 *
 * <p>The JDK computes a CRC32C over memory with a native stub that reads it directly: a fault there (a mapped file
 * truncated underneath by another process, a read error of its storage: {@code SIGBUS}) kills the JVM. The bytes of
 * a mapped segment are therefore first copied into a heap buffer a chunk at a time with {@link MemorySegment#copy},
 * whose faults the JDK reports as an {@link InternalError} that the reader turns into a {@code CorruptionException};
 * heap and anonymous native segments are summed in place.
 *
 * <p>Stateless; any thread (a {@link CRC32C} passed in is the caller's to guard).
 */
public final class Crc32c {
  /** Bytes of a mapped segment copied at a time. */
  private static final int CHUNK = 16 * 1024;

  private Crc32c() {}

  /** The CRC32C of all of {@code bytes}. */
  public static int of(MemorySegment bytes) {
    CRC32C crc = new CRC32C();
    update(crc, bytes);
    return (int) crc.getValue();
  }

  /** Adds all of {@code bytes} to {@code crc}. */
  public static void update(CRC32C crc, MemorySegment bytes) {
    long size = bytes.byteSize();
    if (!bytes.isMapped()) {
      crc.update(bytes.asByteBuffer());
      return;
    }
    byte[] chunk = new byte[(int) Math.min(CHUNK, size)];
    for (long done = 0; done < size; ) {
      int n = (int) Math.min(chunk.length, size - done);
      MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, done, chunk, 0, n);
      crc.update(chunk, 0, n);
      done += n;
    }
  }
}

package dev.vecdb.store;

import dev.vecdb.internal.Exceptions;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The sparse {@code data} file: written with positional writes, read through memory mappings.
 *
 * <p>Writes go through {@link FileChannel#write(ByteBuffer, long)}, never through the mapping, so a full disk is an
 * {@link IOException} from the write (the kernel reserves blocks at write time) instead of a {@code SIGBUS} on a
 * page fault. The page cache is shared, so written bytes are visible through every mapping at once.
 *
 * <p>Reads use a read-only mapping of the whole file. When the file grows, a new mapping of the new length is made
 * in the same shared arena and the old one stays valid until {@link #close()}: a reader holding an older segment
 * never sees unmapped memory. The file only grows (by doubling, at least 1 MiB) and never shrinks while open, so no
 * mapping reaches past the end of the file unless another process truncates it: a read past the new end then
 * faults ({@code RegionStore#mappingFault}), and every write and {@link #force()} first checks the file's size and
 * fails with {@link FileIdentity.ChangedException} rather than let a write past the new end bring the cut-off bytes back as
 * zeros (one {@code fstat} per write and growth: writes are batched, tens of them for 10 M values).
 *
 * <p>Thread-safe: positional writes need no lock; growth is serialized on this object; {@link #mapping()} is a
 * volatile read.
 */
final class DataFile implements AutoCloseable {
  static final long MIN_LENGTH = 1 << 20;
  private static final int MAX_IO = 1 << 30;

  private final Path path;
  private final FileIo io;
  private final FileChannel channel;
  private final FileIdentity identity;
  private final Arena arena;
  private volatile MemorySegment mapping;

  DataFile(Path path, Arena arena, FileIo io) throws IOException {
    this.path = path;
    this.io = io;
    this.arena = arena;
    this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      this.identity = FileIdentity.of(path);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    long size = channel.size();
    this.mapping = size == 0 ? MemorySegment.NULL : map(size);
  }

  Path path() {
    return path;
  }

  /** The current mapping of the whole file; covers every byte of every published region. */
  MemorySegment mapping() {
    return mapping;
  }

  /** Logical length of the file (sparse). */
  long length() {
    return mapping.byteSize();
  }

  /**
   * Makes the file (and its mapping) at least {@code end} bytes long: doubles it, at least to 1 MiB, rounded up to a
   * page. The growth itself is sparse and allocates no blocks.
   *
   * @throws FileIdentity.ChangedException if another process truncated the file (it is not grown)
   */
  synchronized void ensureLength(long end) throws IOException {
    checkNotTruncated();
    long length = mapping.byteSize();
    if (end <= length) {
      return;
    }
    long target = Math.max(Math.max(end, length * 2), MIN_LENGTH);
    target = (target + SpaceLayout.PAGE - 1) & -SpaceLayout.PAGE;
    if (channel.size() < target) {
      ByteBuffer lastByte = ByteBuffer.allocate(1);
      while (lastByte.hasRemaining()) {
        io.write(path, channel, lastByte, target - 1);
      }
    }
    mapping = map(target);
  }

  /**
   * Makes the file at least {@code length} bytes long (as {@link #ensureLength} grows it) and allocates its blocks
   * where the platform can ({@link FileIo#allocate}).
   */
  void preallocate(long length) throws IOException {
    ensureLength(length);
    io.allocate(path, 0, mapping.byteSize());
  }

  /**
   * Writes {@code src} at {@code position}, growing the file first if needed.
   *
   * @throws FileIdentity.ChangedException if another process truncated the file (nothing is written)
   */
  void write(long position, MemorySegment src) throws IOException {
    ensureLength(position + src.byteSize());
    long done = 0;
    long size = src.byteSize();
    while (done < size) {
      int chunk = (int) Math.min(MAX_IO, size - done);
      ByteBuffer buffer = src.asSlice(done, chunk).asByteBuffer();
      while (buffer.hasRemaining()) {
        io.write(path, channel, buffer, position + done + buffer.position());
      }
      done += chunk;
    }
  }

  /** Copies {@code length} bytes inside the file from {@code from} to {@code to}; the ranges must not overlap. */
  void copy(long from, long to, long length) throws IOException {
    if (length > 0) {
      write(to, mapping.asSlice(from, length));
    }
  }

  /** Reads {@code dst.remaining()} bytes at {@code position} with a positional read (no mapping involved). */
  void read(long position, ByteBuffer dst) throws IOException {
    while (dst.hasRemaining()) {
      if (channel.read(dst, position + dst.position()) < 0) {
        throw Exceptions.io("unexpected end of %s at %s", path, (position + dst.position()));
      }
    }
  }

  /**
   * Makes every written byte durable ({@code fdatasync}).
   *
   * @throws FileIdentity.ChangedException if another process truncated the file: the bytes to make durable are gone
   */
  void force() throws IOException {
    checkNotTruncated();
    io.force(path, channel);
  }

  private void checkNotTruncated() throws IOException {
    String truncation = truncation();
    if (truncation != null) {
      throw new FileIdentity.ChangedException(truncation);
    }
  }

  /**
   * How the file is shorter than its mapping, which only another process can make it ({@code fstat}), or null when it
   * is not.
   */
  String truncation() throws IOException {
    long size = channel.size();
    long mapped = mapping.byteSize();
    return size >= mapped ? null : path + " is " + size + " bytes, shorter than the " + mapped
        + " bytes this process wrote and mapped: another process truncated it";
  }

  /**
   * How the path no longer leads to this file (deleted, its directory deleted or renamed, replaced), or null when it
   * still does ({@link FileIdentity}; {@link #force()} checks the file's size).
   */
  String change() throws IOException {
    return identity.change();
  }

  /** Punches {@code [offset, offset + length)} out of the file (see {@link FileIo#punchHole}). */
  void punchHole(long offset, long length) throws IOException {
    io.punchHole(path, offset, length);
  }

  private MemorySegment map(long length) throws IOException {
    return channel.map(FileChannel.MapMode.READ_ONLY, 0, length, arena);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

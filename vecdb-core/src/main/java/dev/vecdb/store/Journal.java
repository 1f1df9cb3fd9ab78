package dev.vecdb.store;

import dev.vecdb.CorruptionException;
import dev.vecdb.internal.Exceptions;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;

/**
 * The undo journal: before bytes that the last flush made durable are overwritten (in the data file or in the region
 * table), their old contents are appended here and synced. A completed flush empties the journal; that emptying is
 * the commit point. At open, a non-empty journal means a flush did not complete: its records are applied in reverse
 * order, which restores exactly the state of the last completed flush.
 *
 * <p>Record layout (little-endian, {@value #HEADER}-byte header): {@code u32 magic "DVBJ", u8 target, u8[3] zero,
 * u64 generation, u64 offset, u64 length, u32 crc32c, u32 zero, length bytes}. The CRC covers the first 32 header
 * bytes and the payload. The payload is streamed from the caller's segment (the data file's mapping) in chunks of at
 * most {@value #CHUNK} bytes through one native staging buffer, which is checksummed and written from: the mapping is
 * read once, by a copy whose fault (a file truncated by another process) is an exception, never by the JDK's native
 * CRC32C, where it would kill the JVM. No copy on the heap, no size limit.
 *
 * <p>Generation: every record of one flush cycle carries the same random 64-bit generation, and emptying the journal
 * picks a new one, so bytes of an earlier cycle that a file system left past the end can never be replayed.
 *
 * <p>Seal: after each sync, a {@value #SEAL}-byte seal ({@code u32 magic "DVBS", u32 zero, u64 generation,
 * u64 start of the last record, u32 its crc, u32 crc32c} of the seal's first 28 bytes) is written, unsynced, right
 * after the last record; the next record overwrites it. A record is synced before the bytes it protects change, so
 * only a record whose append did not complete can be torn, and it is the last one. Recovery therefore reads the
 * whole journal before applying anything and accepts a damaged record only as the torn tail: when no valid record
 * or seal of the same generation lies anywhere after it (a sealed last record was complete, so its damage is not a
 * tear). Any other damage is a {@link CorruptionException} naming the record and its offset.
 *
 * <p>Thread-safe: appends are serialized on this object. A failed append leaves the journal in an unknown state; the
 * store treats it as fatal and never appends again on this handle.
 */
final class Journal implements AutoCloseable {
  static final byte DATA = 1;
  static final byte TABLE = 2;
  static final int HEADER = 40;
  static final int SEAL = 32;
  static final int CHUNK = 1 << 20;

  private static final int RECORD_MAGIC = 0x4A425644; // "DVBJ"
  private static final int SEAL_MAGIC = 0x53425644; // "DVBS"
  private static final int CRC_AT = 32;
  private static final int SEAL_CRC_AT = 28;

  private final Path path;
  private final FileIo io;
  private final FileChannel channel;
  private final FileIdentity identity;
  private final ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
  private final ByteBuffer seal = ByteBuffer.allocate(SEAL).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  /** Where a payload chunk is copied to be checksummed and written; grows up to {@value #CHUNK} bytes. */
  private ByteBuffer staging = ByteBuffer.allocateDirect(0);
  private long generation = newGeneration();
  private long end;
  /** Start and CRC of the last record appended since the last sync, or -1: the record the next seal names. */
  private long unsealedStart = -1;
  private int unsealedCrc;

  /**
   * One undo record: restore the {@code length} bytes stored at {@code payload} of the journal file at
   * {@code offset} of the {@code target} file.
   */
  record Record(byte target, long offset, long length, long payload) {}

  /** Receives a record's payload, chunk by chunk. */
  interface PayloadSink {
    void write(long position, ByteBuffer bytes) throws IOException;
  }

  Journal(Path path, FileIo io) throws IOException {
    this.path = path;
    this.io = io;
    this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      this.identity = FileIdentity.of(path);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    this.end = channel.size();
  }

  Path path() {
    return path;
  }

  /** Whether no record is pending. */
  synchronized boolean isEmpty() {
    return end == 0;
  }

  /** Appends one record and syncs it, so that it is durable before the bytes it protects change. */
  synchronized void append(byte target, long offset, MemorySegment oldBytes) throws IOException {
    appendUnsynced(target, offset, oldBytes);
    sync();
  }

  /** Appends one record without syncing; call {@link #sync()} before touching the protected bytes. */
  synchronized void appendUnsynced(byte target, long offset, MemorySegment oldBytes) throws IOException {
    long length = oldBytes.byteSize();
    header.clear();
    header.putInt(RECORD_MAGIC).put(target).put((byte) 0).put((byte) 0).put((byte) 0).putLong(generation)
        .putLong(offset).putLong(length).putInt(0).putInt(0);
    crc.reset();
    crc.update(header.array(), 0, CRC_AT);
    long payload = end + HEADER;
    for (long done = 0; done < length; ) {
      int chunk = (int) Math.min(CHUNK, length - done);
      if (staging.capacity() < chunk) {
        staging = ByteBuffer.allocateDirect(Math.min(CHUNK, Math.max(chunk, 2 * staging.capacity())));
      }
      ByteBuffer bytes = staging.clear().limit(chunk);
      MemorySegment.copy(oldBytes, done, MemorySegment.ofBuffer(bytes), 0, chunk);
      crc.update(bytes);
      writeFully(bytes.flip(), payload + done);
      done += chunk;
    }
    int recordCrc = (int) crc.getValue();
    header.putInt(CRC_AT, recordCrc);
    writeFully(header.clear(), end);
    unsealedStart = end;
    unsealedCrc = recordCrc;
    end = payload + length;
  }

  /** Makes every appended record durable, then seals the last one (see the class comment). */
  synchronized void sync() throws IOException {
    io.force(path, channel);
    if (unsealedStart >= 0) {
      seal.clear();
      seal.putInt(SEAL_MAGIC).putInt(0).putLong(generation).putLong(unsealedStart).putInt(unsealedCrc);
      crc.reset();
      crc.update(seal.array(), 0, SEAL_CRC_AT);
      seal.putInt((int) crc.getValue());
      writeFully(seal.clear(), end);
      unsealedStart = -1;
    }
  }

  /**
   * Reads and checks the whole journal (every payload's checksum included) and returns its records in append
   * order, without applying anything.
   *
   * @throws CorruptionException if a record is damaged and is not the torn tail
   */
  synchronized List<Record> read() throws IOException {
    List<Record> records = new ArrayList<>();
    long size = channel.size();
    long position = 0;
    long known = 0;
    int lastCrc = 0;
    long lastStart = -1;
    while (true) {
      Record record = recordAt(position, size, known);
      if (record == null) {
        break;
      }
      records.add(record);
      known = header.getLong(8);
      lastStart = position;
      lastCrc = header.getInt(CRC_AT);
      position = record.payload() + record.length();
    }
    if (position == size || (lastStart >= 0 && sealsAt(position, size, known, lastStart, lastCrc))) {
      return records;
    }
    long evidence = validAfter(position, size, known);
    if (evidence >= 0) {
      throw Exceptions.corruption("journal %s: record %s at offset %s is damaged and is not a torn tail: a valid %s"
          + " follows at offset %s; the database cannot be recovered to its last flush", path, records.size(), position,
          (isSealAt(evidence) ? "seal" : "record"), evidence);
    }
    return records;
  }

  /** Streams the payload of {@code record} to {@code sink} in chunks of at most {@value #CHUNK} bytes. */
  synchronized void readPayload(Record record, PayloadSink sink) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(CHUNK, Math.max(1, record.length())));
    for (long done = 0; done < record.length(); ) {
      int chunk = (int) Math.min(buffer.capacity(), record.length() - done);
      buffer.clear().limit(chunk);
      readFully(buffer, record.payload() + done);
      sink.write(record.offset() + done, buffer.flip());
      done += chunk;
    }
  }

  /** Empties the journal durably (the commit point of a flush) and starts a new generation. */
  synchronized void clear() throws IOException {
    io.truncate(path, channel, 0);
    end = 0; // the file is empty now, even if the sync fails: close must not take it for a cut journal
    unsealedStart = -1;
    io.force(path, channel);
    generation = newGeneration();
  }

  /**
   * How the path no longer leads to this journal (deleted, its directory deleted or renamed, replaced: see
   * {@link FileIdentity}), or null when it still does. When it does not and records are pending, they are first
   * copied to a new file at the path where it can be created (a journal deleted alone), so that the next open still
   * replays them back to the last completed flush instead of finding no journal under overwritten bytes.
   */
  synchronized String change() throws IOException {
    String changed = identity.change();
    if (changed == null || end == 0) {
      return changed;
    }
    try (FileChannel copy = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long size = channel.size();
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, size)));
      for (long done = 0; done < size; done += buffer.limit()) {
        readFully(buffer.clear().limit((int) Math.min(buffer.capacity(), size - done)), done);
        writeFully(copy, buffer.flip(), done);
      }
      io.force(path, copy);
      io.syncDirectory(path.getParent());
      return changed + "; its pending records were copied to a new " + path + " for the next open";
    } catch (IOException e) {
      return changed + "; its pending records could not be copied to a new " + path + " (" + e + ")";
    }
  }

  /**
   * When another process cut the journal below its pending records, makes the next open report it instead of
   * replaying the records left, or none, over bytes that their lost records protected: a seal written at the end
   * this process reached lies after the cut, which recovery reports as a damaged record that is not a torn tail
   * ({@link #read()}). Records appended after the cut land there too, so only a crash before any of them escapes.
   */
  private void sealOverCut() throws IOException {
    if (channel.size() < end) {
      unsealedStart = Math.max(0, unsealedStart);
      sync();
    }
  }

  /**
   * The valid record at {@code position} of generation {@code generation} (any, if 0), with its header left in
   * {@link #header}; null if there is none.
   *
   * @throws CorruptionException if a record passes its checksum but names an unknown target
   */
  private Record recordAt(long position, long size, long generation) throws IOException {
    if (position < 0 || position + HEADER > size) {
      return null;
    }
    readFully(header.clear(), position);
    long length = header.getLong(24);
    long offset = header.getLong(16);
    if (header.getInt(0) != RECORD_MAGIC || length < 0 || length > size - position - HEADER || offset < 0
        || (generation != 0 && header.getLong(8) != generation)) {
      return null;
    }
    crc.reset();
    crc.update(header.array(), 0, CRC_AT);
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, length)));
    for (long done = 0; done < length; ) {
      int chunk = (int) Math.min(buffer.capacity(), length - done);
      buffer.clear().limit(chunk);
      readFully(buffer, position + HEADER + done);
      crc.update(buffer.flip());
      done += chunk;
    }
    if ((int) crc.getValue() != header.getInt(CRC_AT)) {
      return null;
    }
    byte target = header.get(4);
    if (target != DATA && target != TABLE) {
      throw Exceptions.corruption("journal %s: record at offset %s passed its checksum but names unknown target %s",
          path, position, target);
    }
    return new Record(target, offset, length, position + HEADER);
  }

  /** Whether a valid seal of {@code generation} (any, if 0) naming the record at {@code start} is at position. */
  private boolean sealsAt(long position, long size, long generation, long start, int recordCrc) throws IOException {
    if (position < 0 || position + SEAL > size) {
      return false;
    }
    readFully(seal.clear(), position);
    crc.reset();
    crc.update(seal.array(), 0, SEAL_CRC_AT);
    return seal.getInt(0) == SEAL_MAGIC && (int) crc.getValue() == seal.getInt(SEAL_CRC_AT)
        && (generation == 0 || seal.getLong(8) == generation)
        && (start < 0 || (seal.getLong(16) == start && seal.getInt(24) == recordCrc));
  }

  /** The first offset at or after {@code from} holding a valid record or seal of the generation, or -1. */
  private long validAfter(long from, long size, long generation) throws IOException {
    ByteBuffer window = ByteBuffer.allocate(CHUNK + 4).order(ByteOrder.LITTLE_ENDIAN);
    for (long base = from; base + 4 <= size; base += CHUNK) {
      window.clear().limit((int) Math.min(window.capacity(), size - base));
      readFully(window, base);
      for (int i = 0; i + 4 <= window.limit() && i < CHUNK; i++) {
        int magic = window.getInt(i);
        long at = base + i;
        if ((magic == RECORD_MAGIC && recordAt(at, size, generation) != null)
            || (magic == SEAL_MAGIC && sealsAt(at, size, generation, -1, 0))) {
          return at;
        }
      }
    }
    return -1;
  }

  private boolean isSealAt(long position) throws IOException {
    readFully(seal.clear(), position);
    return seal.getInt(0) == SEAL_MAGIC;
  }

  private static long newGeneration() {
    long generation;
    do {
      generation = ThreadLocalRandom.current().nextLong();
    } while (generation == 0);
    return generation;
  }

  private void writeFully(ByteBuffer src, long position) throws IOException {
    writeFully(channel, src, position);
  }

  private void writeFully(FileChannel to, ByteBuffer src, long position) throws IOException {
    long start = position - src.position();
    while (src.hasRemaining()) {
      io.write(path, to, src, start + src.position());
    }
  }

  private void readFully(ByteBuffer dst, long position) throws IOException {
    long start = position - dst.position();
    while (dst.hasRemaining()) {
      if (channel.read(dst, start + dst.position()) < 0) {
        throw Exceptions.io("unexpected end of %s", path);
      }
    }
  }

  /** Closes the file, after keeping its pending records for the next open ({@link #change}, {@link #sealOverCut}). */
  @Override
  public synchronized void close() throws IOException {
    try {
      if (end > 0 && change() == null) {
        sealOverCut();
      }
    } finally {
      channel.close();
    }
  }
}

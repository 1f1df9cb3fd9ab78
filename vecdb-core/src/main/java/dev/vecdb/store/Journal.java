package dev.vecdb.store;

import dev.vecdb.CorruptionException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The undo journal: before bytes that the last flush made durable are overwritten (in the data file or in the region
 * table), their old contents are appended here and synced. A completed flush empties the journal; that emptying is
 * the commit point. At open, a non-empty journal means a flush did not complete: its records are applied in reverse
 * order, which restores exactly the state of the last completed flush.
 *
 * <p>Record layout (little-endian): {@code u32 magic, u8 target, u8[3] zero, u64 offset, u32 length, u32 crc32c,
 * length bytes}. The CRC covers the first 20 bytes and the payload. A record is appended completely before the
 * bytes it protects are touched, so only the last record can be torn; recovery stops at the first record that is
 * incomplete or fails its check.
 *
 * <p>Thread-safe: appends are serialized on this object.
 */
final class Journal implements AutoCloseable {
  static final byte DATA = 1;
  static final byte TABLE = 2;

  private static final int MAGIC = 0x4A425644; // "DVBJ"
  private static final int HEADER = 24;

  private final Path path;
  private final FileChannel channel;
  private long end;

  /** One undo record: restore {@code bytes} at {@code offset} of the {@code target} file. */
  record Record(byte target, long offset, byte[] bytes) {}

  Journal(Path path) throws IOException {
    this.path = path;
    this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    this.end = channel.size();
  }

  /** Whether no record is pending. */
  synchronized boolean isEmpty() {
    return end == 0;
  }

  /** Appends one record and syncs it, so that it is durable before the bytes it protects change. */
  synchronized void append(byte target, long offset, MemorySegment oldBytes) throws IOException {
    appendUnsynced(target, offset, oldBytes);
    channel.force(false);
  }

  /** Appends one record without syncing; call {@link #sync()} before touching the protected bytes. */
  synchronized void appendUnsynced(byte target, long offset, MemorySegment oldBytes) throws IOException {
    int length = Math.toIntExact(oldBytes.byteSize());
    ByteBuffer record = ByteBuffer.allocate(HEADER + length).order(ByteOrder.LITTLE_ENDIAN);
    record.putInt(MAGIC).put(target).put((byte) 0).put((byte) 0).put((byte) 0).putLong(offset).putInt(length);
    record.position(HEADER);
    record.put(oldBytes.asByteBuffer());
    CRC32C crc = new CRC32C();
    crc.update(record.array(), 0, 20);
    crc.update(record.array(), HEADER, length);
    record.putInt(20, (int) crc.getValue());
    record.flip();
    while (record.hasRemaining()) {
      channel.write(record, end + record.position());
    }
    end += HEADER + length;
  }

  synchronized void sync() throws IOException {
    channel.force(false);
  }

  /**
   * Reads every complete, valid record in append order. Stops at the first torn or invalid record: a record is
   * written before what it protects, so nothing after a torn record was ever touched.
   */
  synchronized List<Record> read() throws IOException {
    List<Record> records = new ArrayList<>();
    long size = channel.size();
    long position = 0;
    ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    while (position + HEADER <= size) {
      header.clear();
      readFully(header, position);
      int length = header.getInt(16);
      if (header.getInt(0) != MAGIC || length < 0 || position + HEADER + length > size) {
        break;
      }
      byte[] bytes = new byte[length];
      readFully(ByteBuffer.wrap(bytes), position + HEADER);
      CRC32C crc = new CRC32C();
      crc.update(header.array(), 0, 20);
      crc.update(bytes);
      if ((int) crc.getValue() != header.getInt(20)) {
        break;
      }
      byte target = header.get(4);
      if (target != DATA && target != TABLE) {
        throw new CorruptionException("journal " + path + ": record at offset " + position
            + " passed its checksum but names unknown target " + target);
      }
      records.add(new Record(target, header.getLong(8), bytes));
      position += HEADER + length;
    }
    return records;
  }

  /** Empties the journal durably: the commit point of a flush. */
  synchronized void clear() throws IOException {
    channel.truncate(0);
    channel.force(false);
    end = 0;
  }

  private void readFully(ByteBuffer dst, long position) throws IOException {
    while (dst.hasRemaining()) {
      if (channel.read(dst, position + dst.position()) < 0) {
        throw new IOException("unexpected end of " + path);
      }
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

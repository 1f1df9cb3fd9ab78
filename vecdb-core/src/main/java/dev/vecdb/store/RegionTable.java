package dev.vecdb.store;

import dev.vecdb.internal.Exceptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The {@code regions} file: a 4 KiB file header, then one fixed-size slot per region.
 *
 * <p>File header (little-endian): {@code u64 magic "VECDB-RT", u32 format version, u32 slot size, u32 crc32c} of
 * the first 16 bytes (these 20 bytes keep their layout in every version, so another version is told apart from
 * damage), then {@code u32 slot count, u32 live slot count, u32 crc32c} of the first 28 bytes; zeros to 4 KiB.
 *
 * <p>Slot ({@value #SLOT_SIZE} bytes, two per page, never straddling one): {@code u64 start, u64 length,
 * u64 reserved, u16 id length, u16 zero, u32 kind ("LIVE" or "FREE"), id bytes (UTF-8), zero padding, u32 crc32c}
 * of the slot's first {@value #SLOT_SIZE}−4 bytes in its last 4 bytes. A free slot is a checksummed image of kind
 * "FREE" with every other field zero.
 *
 * <p>Integrity: the file is exactly the header plus the header's slot count of slots, every one of them a valid live
 * or free image, and the live ones as many as the header says. So a lost slot (zeroed, cut off, or any damage) is
 * reported as corruption naming the slot and, when readable, the region id — never read as a free slot or skipped.
 *
 * <p>Slots and the header are written only by a flush, after their old bytes went to the {@link Journal}. Not
 * thread-safe: the store calls it under its commit lock.
 */
final class RegionTable implements AutoCloseable {
  static final int SLOT_SIZE = 2048;
  static final int HEADER_SIZE = 4096;
  static final int FORMAT_VERSION = 2;
  /** Bytes of the header that a flush rewrites (the rest of the 4 KiB stays zero). */
  static final int HEADER_FIELDS = 32;
  private static final long MAGIC = 0x54522D4244434556L; // "VECDB-RT" little-endian
  private static final int LIVE = 0x4556494C; // "LIVE"
  private static final int FREE = 0x45455246; // "FREE"
  private static final int FIXED = 32;
  /** Slots that {@link #readAll()} reads with one positional read (1 MiB). */
  private static final int READ_BATCH = 512;

  /** A free slot's image: kind "FREE", every other field zero, its checksum. */
  private static final ByteBuffer FREE_IMAGE = freeImage().asReadOnlyBuffer();
  /** A zeroed slot: the image of a lost slot. */
  private static final ByteBuffer ZERO_IMAGE = ByteBuffer.allocate(SLOT_SIZE).asReadOnlyBuffer();

  private final Path path;
  private final FileIo io;
  private final FileChannel channel;
  /** Whether {@link #close()} closes the channel (false: it belongs to the store's {@link DirectoryLock}). */
  private final boolean ownsChannel;
  private final FileIdentity identity;
  private int slotsRead;
  /** The file's length as this process made it or verified it: the header plus every slot written. */
  private long length;
  /** The header fields as this process last wrote or verified them. */
  private ByteBuffer header;

  /** One decoded slot. */
  record Slot(int index, String id, long start, long length, long reserved) {}

  /** Opens (creating it if needed) the table file at {@code path} on a channel of its own. */
  RegionTable(Path path, FileIo io) throws IOException {
    this(path, io, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE), true);
  }

  /**
   * The table file at {@code path} read and written through {@code channel} (open for reading and writing), which
   * {@link #close()} leaves open when {@code ownsChannel} is false: the store's table shares the channel that holds
   * the directory's OS lock, since closing any other channel of the locked file would drop that lock.
   */
  RegionTable(Path path, FileIo io, FileChannel channel, boolean ownsChannel) throws IOException {
    this.path = path;
    this.io = io;
    this.channel = channel;
    this.ownsChannel = ownsChannel;
    try {
      this.identity = FileIdentity.of(path);
      if (channel.size() == 0) {
        create();
      } else {
        checkHeader();
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  Path path() {
    return path;
  }

  /** Number of slots (free or used) that the last {@link #readAll()} verified, without reading the file again. */
  int slotsRead() {
    return slotsRead;
  }

  /**
   * Decodes every used slot, after checking that the file holds exactly the slots the header counts and that as many
   * are live as it says; corruption is an exception, never a skipped slot.
   */
  List<Slot> readAll() throws IOException {
    ByteBuffer header = readHeader();
    int count = header.getInt(20);
    int live = header.getInt(24);
    long size = channel.size();
    long expected = offset(count);
    if (size != expected) {
      long held = Math.max(0, size - HEADER_SIZE) / SLOT_SIZE;
      throw Exceptions.corruption("region table %s: torn or truncated file: the header counts %s slots (%s bytes)"
          + " but the file holds %s bytes%s", path, count, expected, size,
          (size < expected ? ": slots " + held + " to " + (count - 1) + " are missing (cut file)"
              : ": " + (size - expected) + " bytes past the last slot"));
    }
    List<Slot> slots = new ArrayList<>();
    CRC32C crc = new CRC32C();
    for (int first = 0; first < count; first += READ_BATCH) {
      int n = Math.min(READ_BATCH, count - first);
      ByteBuffer batch = ByteBuffer.allocate(n * SLOT_SIZE);
      readFully(batch, offset(first));
      for (int i = 0; i < n; i++) {
        Slot slot = decode(first + i, batch.slice(i * SLOT_SIZE, SLOT_SIZE).order(ByteOrder.LITTLE_ENDIAN), crc);
        if (slot != null) {
          slots.add(slot);
        }
      }
    }
    slotsRead = count;
    if (slots.size() != live) {
      throw Exceptions.corruption("region table %s: the header counts %s live slots but %s are live: a region's slot"
          + " was lost or replaced", path, live, slots.size());
    }
    this.length = size;
    this.header = header;
    return slots;
  }

  /**
   * How another process changed the file since this process last wrote or verified it, or null when it did not as
   * far as a flush can tell at little cost: the path leads to another file or none ({@link FileIdentity}), the length
   * differs from the one this process made (one {@code fstat}), or the header's fields differ from the ones it wrote
   * (one 32-byte read). A slot overwritten in place is not detected here; the next open reports it (its checksum).
   */
  String change() throws IOException {
    String changed = identity.change();
    if (changed != null) {
      return changed;
    }
    long size = channel.size();
    if (size != length) {
      return path + " is " + size + " bytes, not the " + length + " bytes this process wrote: another process "
          + (size < length ? "truncated" : "extended") + " it while the database was open";
    }
    return readHeader().equals(header) ? null : path + ": its header was overwritten by another process while the"
        + " database was open (its slot counts are not the ones this process wrote)";
  }

  /** The {@value #HEADER_FIELDS} header bytes a flush rewrites, as they are in the file now (for the journal). */
  ByteBuffer readHeader() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_FIELDS).order(ByteOrder.LITTLE_ENDIAN);
    while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
      // read until full or end of file
    }
    return header.clear();
  }

  /** Writes the header with the table's new slot count and live slot count (a flush, after writing the slots). */
  void writeHeader(int slotCount, int liveCount) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_FIELDS).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(SLOT_SIZE);
    header.putInt(crc(header, 16)).putInt(slotCount).putInt(liveCount);
    header.putInt(crc(header, 28));
    writeRaw(0, header.clear());
    this.header = header.clear();
    this.length = Math.max(length, HEADER_SIZE);
  }

  /** The bytes of slot {@code index} as they are in the file now (zeros past its end). */
  ByteBuffer readSlot(int index) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(SLOT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    readFully(bytes, offset(index));
    return bytes.clear();
  }

  /** Fills {@code bytes} from {@code position} on, or up to the end of the file (the rest stays zero). */
  private void readFully(ByteBuffer bytes, long position) throws IOException {
    while (bytes.hasRemaining()) {
      if (channel.read(bytes, position + bytes.position()) < 0) {
        break;
      }
    }
  }

  /** Writes one slot image (see {@link #encode}); use an all-zero image to free a slot. */
  void writeSlot(int index, ByteBuffer image) throws IOException {
    ByteBuffer src = image.duplicate().clear();
    long position = offset(index);
    while (src.hasRemaining()) {
      io.write(path, channel, src, position + src.position());
    }
    length = Math.max(length, position + SLOT_SIZE);
  }

  /** Writes raw bytes at a file offset (journal recovery). */
  void writeRaw(long position, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      io.write(path, channel, bytes, position + bytes.position());
    }
  }

  /**
   * Journal recovery: puts back the old bytes of a slot or of the header. An all-zero image at the end of the file —
   * the journal's record of a slot that did not exist before the flush appended it — is restored by cutting the file
   * before it instead, which needs no disk space: the flush that appended the slot may have failed for lack of space,
   * and recovery must work on the same full disk.
   */
  void restore(long position, byte[] bytes) throws IOException {
    long size = channel.size();
    if (position >= HEADER_SIZE && position + bytes.length >= size && isZero(ByteBuffer.wrap(bytes))) {
      io.truncate(path, channel, Math.min(size, position));
    } else {
      writeRaw(position, ByteBuffer.wrap(bytes));
    }
  }

  static long offset(int index) {
    return HEADER_SIZE + (long) index * SLOT_SIZE;
  }

  void force() throws IOException {
    io.force(path, channel);
  }

  /** The slot image of a region: fixed fields, id, padding, checksum. */
  static ByteBuffer encode(String id, long start, long length, long reserved) {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    ByteBuffer image = ByteBuffer.allocate(SLOT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    image.putLong(start).putLong(length).putLong(reserved).putShort((short) idBytes.length).putShort((short) 0)
        .putInt(LIVE);
    image.put(idBytes);
    image.putInt(SLOT_SIZE - 4, crc(image, SLOT_SIZE - 4));
    return image.clear();
  }

  /** An image of a free slot. */
  static ByteBuffer freeImage() {
    ByteBuffer image = ByteBuffer.allocate(SLOT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    image.putInt(28, FREE);
    image.putInt(SLOT_SIZE - 4, crc(image, SLOT_SIZE - 4));
    return image;
  }

  private static int crc(ByteBuffer bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes.array(), 0, length);
    return (int) crc.getValue();
  }

  /**
   * The slot in {@code image} (a little-endian buffer of {@value #SLOT_SIZE} bytes), or null for a free slot;
   * {@code crc} is scratch.
   */
  private Slot decode(int index, ByteBuffer image, CRC32C crc) {
    if (image.equals(ZERO_IMAGE)) {
      throw Exceptions.corruption("region table %s: slot %s at offset %s is zeroed: the slot of a region (or of a"
          + " free slot) was lost", path, index, offset(index));
    }
    long start = image.getLong(0);
    long length = image.getLong(8);
    long reserved = image.getLong(16);
    int idLength = Short.toUnsignedInt(image.getShort(24));
    String id = readableId(image, idLength);
    crc.reset();
    crc.update(image.array(), image.arrayOffset(), SLOT_SIZE - 4);
    if ((int) crc.getValue() != image.getInt(SLOT_SIZE - 4)) {
      throw Exceptions.corruption("%s at offset %s fails its checksum", where(index, id), offset(index));
    }
    int kind = image.getInt(28);
    if (kind == FREE) {
      // with a valid checksum, a free slot whose other fields are all zero is exactly the canonical image
      if (!image.equals(FREE_IMAGE)) {
        throw Exceptions.corruption("%s at offset %s is a free slot with fields set", where(index, id),
            offset(index));
      }
      return null;
    }
    if (kind != LIVE) {
      throw Exceptions.corruption("%s at offset %s has the unknown kind %s", where(index, id), offset(index), kind);
    }
    if (id == null) {
      throw Exceptions.corruption("%s at offset %s has an invalid id", where(index, id), offset(index));
    }
    if (start < 0 || start % SpaceLayout.PAGE != 0 || reserved < SpaceLayout.PAGE
        || reserved % SpaceLayout.PAGE != 0 || length < 0 || length > reserved) {
      throw Exceptions.corruption("%s has an invalid extent: start %s, length %s, reserved %s", where(index, id),
          start, length, reserved);
    }
    return new Slot(index, id, start, length, reserved);
  }

  /** Names slot {@code index} (and its region, when its id is readable) in an error message. */
  private String where(int index, String id) {
    return "region table " + path + ": slot " + index + (id == null ? "" : " (region '" + id + "')");
  }

  /**
   * The id stored in {@code image}, or null if it is empty, too long, not well-formed UTF-8 (a decoding that does not
   * encode back to the same bytes replaced a malformed sequence) or not a valid region id.
   */
  private static String readableId(ByteBuffer image, int idLength) {
    if (idLength == 0 || idLength > RegionIds.MAX_BYTES) {
      return null;
    }
    byte[] bytes = image.array();
    int from = image.arrayOffset() + FIXED;
    String id = new String(bytes, from, idLength, StandardCharsets.UTF_8);
    byte[] encoded = id.getBytes(StandardCharsets.UTF_8);
    if (!Arrays.equals(encoded, 0, encoded.length, bytes, from, from + idLength)) {
      return null;
    }
    return RegionIds.isValid(id) || RegionIds.isInternal(id) ? id : null;
  }

  private static boolean isZero(ByteBuffer image) {
    for (int i = 0; i < image.limit(); i++) {
      if (image.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private void create() throws IOException {
    writeRaw(0, ByteBuffer.allocate(HEADER_SIZE));
    writeHeader(0, 0);
    io.force(path, channel);
  }

  /** Checks the header: magic and version first, then its counts' checksum and sanity. */
  private void checkHeader() throws IOException {
    ByteBuffer header = readHeader();
    if (channel.size() < HEADER_SIZE || header.getLong(0) != MAGIC || crc(header, 16) != header.getInt(16)) {
      throw Exceptions.corruption("region table %s: missing or corrupt file header", path);
    }
    int version = header.getInt(8);
    if (version != FORMAT_VERSION) {
      throw Exceptions.unsupportedFormatVersion(version, FORMAT_VERSION, "region table %s", path);
    }
    if (header.getInt(12) != SLOT_SIZE) {
      throw Exceptions.corruption("region table %s: %s-byte slots; version %s has %s-byte slots", path,
          header.getInt(12), FORMAT_VERSION, SLOT_SIZE);
    }
    int count = header.getInt(20);
    int live = header.getInt(24);
    if (crc(header, 28) != header.getInt(28) || count < 0 || live < 0 || live > count) {
      throw Exceptions.corruption("region table %s: header counts (%s slots, %s live) fail their checksum or are"
          + " inconsistent", path, count, live);
    }
  }

  @Override
  public void close() throws IOException {
    if (ownsChannel) {
      channel.close();
    }
  }
}

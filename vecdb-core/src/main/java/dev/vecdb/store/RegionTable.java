package dev.vecdb.store;

import dev.vecdb.CorruptionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The {@code regions} file: a 4 KiB file header, then one fixed-size slot per region.
 *
 * <p>File header (little-endian): {@code u64 magic "VECDB-RT", u32 format version, u32 slot size, u32 crc32c} of
 * the first 16 bytes. Slot ({@value #SLOT_SIZE} bytes, two per page, never straddling one): {@code u64 start,
 * u64 length, u64 reserved, u16 id length, u16 zero, u32 zero, id bytes (UTF-8), zero padding, u32 crc32c} of the
 * slot's first {@value #SLOT_SIZE}−4 bytes in its last 4 bytes. An all-zero slot is free. Any other slot that fails
 * its checksum or its invariants ({@code start} and {@code reserved} page-aligned, {@code length ≤ reserved}, a
 * valid id) is reported as corruption naming the slot and, when readable, the region id — never skipped.
 *
 * <p>Slots are written only by a flush, after their old bytes went to the {@link Journal}. Not thread-safe: the
 * store calls it under its commit lock.
 */
final class RegionTable implements AutoCloseable {
  static final int SLOT_SIZE = 2048;
  static final int HEADER_SIZE = 4096;
  static final int FORMAT_VERSION = 1;
  private static final long MAGIC = 0x54522D4244434556L; // "VECDB-RT" little-endian
  private static final int FIXED = 32;

  private final Path path;
  private final FileChannel channel;

  /** One decoded slot. */
  record Slot(int index, String id, long start, long length, long reserved) {}

  RegionTable(Path path) throws IOException {
    this.path = path;
    this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      if (channel.size() == 0) {
        writeHeader();
      } else {
        checkHeader();
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  Path path() {
    return path;
  }

  /** Number of slots the file holds (free or used). */
  int slotCount() throws IOException {
    return (int) ((channel.size() - HEADER_SIZE) / SLOT_SIZE);
  }

  /** Decodes every used slot; corruption is an exception, never a skipped slot. */
  List<Slot> readAll() throws IOException {
    long size = channel.size();
    if (size < HEADER_SIZE || (size - HEADER_SIZE) % SLOT_SIZE != 0) {
      throw new CorruptionException("region table " + path + ": length " + size + " is not a " + HEADER_SIZE
          + "-byte header plus whole " + SLOT_SIZE + "-byte slots (torn or truncated file)");
    }
    List<Slot> slots = new ArrayList<>();
    int count = slotCount();
    for (int i = 0; i < count; i++) {
      Slot slot = decode(i, readSlot(i));
      if (slot != null) {
        slots.add(slot);
      }
    }
    return slots;
  }

  /** The bytes of slot {@code index} as they are in the file now (zeros past its end). */
  ByteBuffer readSlot(int index) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(SLOT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    long position = offset(index);
    while (bytes.hasRemaining()) {
      if (channel.read(bytes, position + bytes.position()) < 0) {
        break;
      }
    }
    return bytes.clear();
  }

  /** Writes one slot image (see {@link #encode}); use an all-zero image to free a slot. */
  void writeSlot(int index, ByteBuffer image) throws IOException {
    ByteBuffer src = image.duplicate().clear();
    long position = offset(index);
    while (src.hasRemaining()) {
      channel.write(src, position + src.position());
    }
  }

  /** Writes raw bytes at a file offset (journal recovery). */
  void writeRaw(long position, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes, position + bytes.position());
    }
  }

  /**
   * Journal recovery: puts back the old bytes of a slot. A free (all-zero) image of a slot at the end of the file is
   * restored by cutting the file before it instead, which needs no disk space: the flush that appended the slot may
   * have failed for lack of space, and recovery must work on the same full disk.
   */
  void restore(long position, byte[] bytes) throws IOException {
    long size = channel.size();
    if (position >= HEADER_SIZE && position + bytes.length >= size && isZero(ByteBuffer.wrap(bytes))) {
      channel.truncate(Math.min(size, position));
    } else {
      writeRaw(position, ByteBuffer.wrap(bytes));
    }
  }

  static long offset(int index) {
    return HEADER_SIZE + (long) index * SLOT_SIZE;
  }

  void force() throws IOException {
    channel.force(false);
  }

  /** The slot image of a region: fixed fields, id, padding, checksum. */
  static ByteBuffer encode(String id, long start, long length, long reserved) {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    ByteBuffer image = ByteBuffer.allocate(SLOT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    image.putLong(start).putLong(length).putLong(reserved).putShort((short) idBytes.length);
    image.position(FIXED);
    image.put(idBytes);
    CRC32C crc = new CRC32C();
    crc.update(image.array(), 0, SLOT_SIZE - 4);
    image.putInt(SLOT_SIZE - 4, (int) crc.getValue());
    return image.clear();
  }

  /** An image of a free slot. */
  static ByteBuffer freeImage() {
    return ByteBuffer.allocate(SLOT_SIZE);
  }

  private Slot decode(int index, ByteBuffer image) {
    if (isZero(image)) {
      return null;
    }
    long start = image.getLong(0);
    long length = image.getLong(8);
    long reserved = image.getLong(16);
    int idLength = Short.toUnsignedInt(image.getShort(24));
    String id = readableId(image, idLength);
    String where = "region table " + path + ": slot " + index + (id == null ? "" : " (region '" + id + "')");
    CRC32C crc = new CRC32C();
    crc.update(image.array(), 0, SLOT_SIZE - 4);
    if ((int) crc.getValue() != image.getInt(SLOT_SIZE - 4)) {
      throw new CorruptionException(where + " at offset " + offset(index) + " fails its checksum");
    }
    if (id == null) {
      throw new CorruptionException(where + " at offset " + offset(index) + " has an invalid id");
    }
    if (start < 0 || start % SpaceLayout.PAGE != 0 || reserved < SpaceLayout.PAGE
        || reserved % SpaceLayout.PAGE != 0 || length < 0 || length > reserved) {
      throw new CorruptionException(where + " has an invalid extent: start " + start + ", length " + length
          + ", reserved " + reserved);
    }
    return new Slot(index, id, start, length, reserved);
  }

  private static String readableId(ByteBuffer image, int idLength) {
    if (idLength == 0 || idLength > RegionIds.MAX_BYTES) {
      return null;
    }
    try {
      String id = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(image.slice(FIXED, idLength))
          .toString();
      return RegionIds.isValid(id) || RegionIds.isInternal(id) ? id : null;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isZero(ByteBuffer image) {
    for (int i = 0; i < image.limit(); i++) {
      if (image.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private void writeHeader() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(SLOT_SIZE);
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, 16);
    header.putInt((int) crc.getValue());
    writeRaw(0, header.clear());
    channel.force(true);
  }

  private void checkHeader() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
    while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
      // read until full or end of file
    }
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, 16);
    if (header.position() < 20 || header.getLong(0) != MAGIC || (int) crc.getValue() != header.getInt(16)) {
      throw new CorruptionException("region table " + path + ": missing or corrupt file header");
    }
    int version = header.getInt(8);
    if (version != FORMAT_VERSION || header.getInt(12) != SLOT_SIZE) {
      throw new CorruptionException("region table " + path + ": format version " + version + " with "
          + header.getInt(12) + "-byte slots; this vecdb reads version " + FORMAT_VERSION + " with "
          + SLOT_SIZE + "-byte slots");
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

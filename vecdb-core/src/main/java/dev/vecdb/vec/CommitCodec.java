package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.internal.Exceptions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The payload of a commit: {@code u8 format version, varint commit number, varint record count, the records, u32
 * crc32c} (little-endian) of everything before it. Varints are unsigned LEB128. Each record starts with its type
 * byte and the vector's name (varint length, UTF-8); see {@code docs/replication.md} for the record bodies.
 */
final class CommitCodec {
  static final int VERSION = 1;

  private CommitCodec() {}

  /** Frames {@code records} as the payload of commit {@code number}. */
  static byte[] frame(long number, List<RecordOutput> records) {
    long length = 1 + RecordOutput.varLongSize(number) + RecordOutput.varLongSize(records.size()) + 4;
    for (RecordOutput r : records) {
      length += r.length();
    }
    if (length > Integer.MAX_VALUE - 8) {
      throw Exceptions.illegalState("the change records of commit %s exceed 2 GiB; flush more often", number);
    }
    RecordOutput out = new RecordOutput((int) length);
    out.writeByte(VERSION);
    out.writeVarLong(number);
    out.writeVarLong(records.size());
    for (RecordOutput r : records) {
      out.writeBytes(r.array(), r.length());
    }
    out.writeIntLe(crc(out.array(), out.length()));
    return out.length() == out.array().length ? out.array() : out.toByteArray(); // sized exactly: no copy
  }

  /**
   * Checks and decodes the payload of commit {@code number} completely: its checksum, version and number, and every
   * record. {@code what} names the commit and database in error messages.
   *
   * @throws CorruptionException if anything is wrong with it
   */
  static List<ChangeRecord> decode(byte[] payload, long number, String what) {
    if (payload.length < 5) {
      throw Exceptions.corruption("%s: its payload of %s bytes is too short", what, payload.length);
    }
    int end = payload.length - 4;
    int stored = (payload[end] & 0xFF) | (payload[end + 1] & 0xFF) << 8 | (payload[end + 2] & 0xFF) << 16
        | (payload[end + 3] & 0xFF) << 24;
    if (stored != crc(payload, end)) {
      throw Exceptions.corruption("%s: its payload of %s bytes fails its checksum", what, payload.length);
    }
    RecordInput in = new RecordInput(payload, end, what + ", payload");
    int version = in.readByte();
    if (version != VERSION) {
      throw in.corrupt("format version " + version + ", this build reads version " + VERSION);
    }
    long named = in.readVarLong();
    if (named != number) {
      throw in.corrupt("it is the payload of commit " + named + ", not of commit " + number);
    }
    long count = in.readCount(end, "record count");
    List<ChangeRecord> records = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      records.add(ChangeRecord.decode(in));
    }
    if (in.hasMore()) {
      throw in.corrupt((end - in.position()) + " bytes follow the last record");
    }
    return records;
  }

  private static int crc(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}

package dev.vecdb.vec;

import dev.vecdb.Format;
import dev.vecdb.internal.Crc32c;
import dev.vecdb.internal.Exceptions;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The fixed {@value #SIZE}-byte header at the start of every vector's main region. Little-endian:
 *
 * <pre>
 *  0 u32 magic "VECD"      4 u16 header version   6 u8 format code    7 u8 value type code
 *  8 u32 value size       12 u32 user version     16 u32 computed version   20 u32 change set count
 * 24 u64 stamp            32 u64 value type signature (records: layout hash; else 0)
 * 40 u32 flags: bit 0 a holes region exists, bit 1 a change baseline region exists
 * 44..60 zero             60 u32 crc32c of bytes 0..60
 * </pre>
 *
 * The magic, the version field and the checksum keep their places in every version, so a header of another version
 * is told apart from a damaged one. The counts and flags name the vector's dependent regions: opening checks that
 * exactly these exist, so a lost region is reported instead of read as "no holes" or "no change set".
 *
 * <p>Values start at byte {@value #SIZE}, so every value of up to 64 bytes is naturally aligned (regions start on a
 * page). Mutable by the vector's writer only.
 */
final class Header {
  static final int SIZE = 64;
  static final int VERSION = 2;
  private static final int HOLES = 1;
  private static final int BASELINE = 2;
  private static final int MAGIC = 0x44434556; // "VECD"
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfShort SHORT =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  final int formatCode;
  final int typeCode;
  final int valueSize;
  final long signature;
  int userVersion;
  int computedVersion;
  long stamp;
  /** Number of {@code <vector>@change.<stamp>} regions. */
  int changeSets;
  /** Whether the {@code <vector>@holes} region exists. */
  boolean hasHoles;
  /** Whether the {@code <vector>@baseline} region exists. */
  boolean hasBaseline;

  Header(int formatCode, int typeCode, int valueSize, long signature, int userVersion) {
    this.formatCode = formatCode;
    this.typeCode = typeCode;
    this.valueSize = valueSize;
    this.signature = signature;
    this.userVersion = userVersion;
  }

  MemorySegment encode() {
    MemorySegment out = MemorySegment.ofArray(new byte[SIZE]);
    out.set(INT, 0, MAGIC);
    out.set(SHORT, 4, (short) VERSION);
    out.set(ValueLayout.JAVA_BYTE, 6, (byte) formatCode);
    out.set(ValueLayout.JAVA_BYTE, 7, (byte) typeCode);
    out.set(INT, 8, valueSize);
    out.set(INT, 12, userVersion);
    out.set(INT, 16, computedVersion);
    out.set(INT, 20, changeSets);
    out.set(INT, 40, (hasHoles ? HOLES : 0) | (hasBaseline ? BASELINE : 0));
    out.set(LONG, 24, stamp);
    out.set(LONG, 32, signature);
    out.set(INT, 60, crc(out));
    return out;
  }

  /** Decodes a stored header; {@code vector} names it in errors. */
  static Header decode(MemorySegment in, String vector) {
    if (in.byteSize() < SIZE) {
      throw Exceptions.corruption("vector '%s': region holds %s bytes, less than its %s-byte header", vector,
          in.byteSize(), SIZE);
    }
    if (in.get(INT, 0) != MAGIC) {
      throw Exceptions.corruption("vector '%s': header has no vecdb magic number", vector);
    }
    if (in.get(INT, 60) != crc(in)) {
      throw Exceptions.corruption("vector '%s': header fails its checksum", vector);
    }
    int version = Short.toUnsignedInt(in.get(SHORT, 4));
    if (version != VERSION) {
      throw Exceptions.unsupportedFormatVersion(version, VERSION, "vector '%s': header", vector);
    }
    int flags = in.get(INT, 40);
    int changeSets = in.get(INT, 20);
    if ((flags & ~(HOLES | BASELINE)) != 0 || changeSets < 0) {
      throw Exceptions.corruption("vector '%s': header has unknown flags %s or a negative change set count %s", vector,
          flags, changeSets);
    }
    Header h = new Header(Byte.toUnsignedInt(in.get(ValueLayout.JAVA_BYTE, 6)),
        Byte.toUnsignedInt(in.get(ValueLayout.JAVA_BYTE, 7)), in.get(INT, 8), in.get(LONG, 32), in.get(INT, 12));
    h.computedVersion = in.get(INT, 16);
    h.stamp = in.get(LONG, 24);
    h.changeSets = changeSets;
    h.hasHoles = (flags & HOLES) != 0;
    h.hasBaseline = (flags & BASELINE) != 0;
    return h;
  }

  static String formatName(int code) {
    Format f = Format.ofCode(code);
    return f == null ? "unknown format " + code : f.name();
  }

  private static int crc(MemorySegment header) {
    return Crc32c.of(header.asSlice(0, 60));
  }
}

package dev.vecdb.compress.pco;

/**
 * The eleven pco number types, with their pco type byte and the Java array that holds their values.
 *
 * <p>Unsigned types live in the signed Java array of the same width and keep their unsigned meaning (a {@code u8}
 * value 255 is the {@code byte} -1). {@link #F16} values are IEEE binary16 bit patterns in a {@code short[]}
 * (convert with {@link Float#float16ToFloat(short)}), so every half-precision value, NaN payloads included,
 * round-trips bit-exactly. Immutable and thread-safe.
 */
public enum PcoNumberType {
  /** Unsigned 8-bit, in {@code byte[]}. */
  U8(10, 8, Kind.UNSIGNED, byte[].class),
  /** Signed 8-bit, in {@code byte[]}. */
  I8(11, 8, Kind.SIGNED, byte[].class),
  /** Unsigned 16-bit, in {@code short[]}. */
  U16(7, 16, Kind.UNSIGNED, short[].class),
  /** Signed 16-bit, in {@code short[]}. */
  I16(8, 16, Kind.SIGNED, short[].class),
  /** Unsigned 32-bit, in {@code int[]}. */
  U32(1, 32, Kind.UNSIGNED, int[].class),
  /** Signed 32-bit, in {@code int[]}. */
  I32(3, 32, Kind.SIGNED, int[].class),
  /** Unsigned 64-bit, in {@code long[]}. */
  U64(2, 64, Kind.UNSIGNED, long[].class),
  /** Signed 64-bit, in {@code long[]}. */
  I64(4, 64, Kind.SIGNED, long[].class),
  /** IEEE binary16 as raw bit patterns, in {@code short[]}. */
  F16(9, 16, Kind.FLOAT, short[].class),
  /** IEEE binary32, in {@code float[]}. */
  F32(5, 32, Kind.FLOAT, float[].class),
  /** IEEE binary64, in {@code double[]}. */
  F64(6, 64, Kind.FLOAT, double[].class);

  enum Kind {
    UNSIGNED,
    SIGNED,
    FLOAT
  }

  private static final PcoNumberType[] BY_CODE = new PcoNumberType[12];

  static {
    for (PcoNumberType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final int bits;
  private final Kind kind;
  private final Class<?> arrayType;

  PcoNumberType(int code, int bits, Kind kind, Class<?> arrayType) {
    this.code = code;
    this.bits = bits;
    this.kind = kind;
    this.arrayType = arrayType;
  }

  /** @return the pco number type byte (u32=1 ... i8=11) */
  public int code() {
    return code;
  }

  /** @return the width in bits (8, 16, 32 or 64) */
  public int bits() {
    return bits;
  }

  /** @return the Java array class holding values of this type */
  public Class<?> arrayType() {
    return arrayType;
  }

  /**
   * @param code a pco number type byte
   * @return the type, or {@code null} if the byte names no type
   */
  public static PcoNumberType fromCode(int code) {
    return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  Kind kind() {
    return kind;
  }

  boolean isFloat() {
    return kind == Kind.FLOAT;
  }

  /** Mantissa (fraction) bits of a float type. */
  int mantissaBits() {
    return switch (bits) {
      case 16 -> 10;
      case 32 -> 23;
      default -> 52;
    };
  }
}

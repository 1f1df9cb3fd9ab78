package dev.vecdb.codec;

import dev.vecdb.internal.Exceptions;

import java.util.Locale;

/**
 * The ten numeric value types. Each is stored in a Java primitive of its width ({@code U32} in an {@code int},
 * {@code U64} in a {@code long}, ...): unsigned types are views over the signed carrier that compare, widen, sum
 * and format as unsigned.
 */
public enum NumberType {
  /** Signed 8-bit integer, in a {@code byte}. */
  I8(1, 1, false, false),
  /** Unsigned 8-bit integer, in a {@code byte}. */
  U8(2, 1, true, false),
  /** Signed 16-bit integer, in a {@code short}. */
  I16(3, 2, false, false),
  /** Unsigned 16-bit integer, in a {@code short}. */
  U16(4, 2, true, false),
  /** Signed 32-bit integer, in an {@code int}. */
  I32(5, 4, false, false),
  /** Unsigned 32-bit integer, in an {@code int}. */
  U32(6, 4, true, false),
  /** Signed 64-bit integer, in a {@code long}. */
  I64(7, 8, false, false),
  /** Unsigned 64-bit integer, in a {@code long}. */
  U64(8, 8, true, false),
  /** 32-bit IEEE float, in a {@code float}. */
  F32(9, 4, false, true),
  /** 64-bit IEEE float, in a {@code double}. */
  F64(10, 8, false, true);

  private final int code;
  private final int size;
  private final boolean unsigned;
  private final boolean floating;

  NumberType(int code, int size, boolean unsigned, boolean floating) {
    this.code = code;
    this.size = size;
    this.unsigned = unsigned;
    this.floating = floating;
  }

  /** The type's code in a vector header. */
  public int code() {
    return code;
  }

  /** Bytes per value. */
  public int size() {
    return size;
  }

  /** Whether the type is an unsigned integer. */
  public boolean isUnsigned() {
    return unsigned;
  }

  /** Whether the type is a float. */
  public boolean isFloating() {
    return floating;
  }

  /** The lower-case name used in messages and configuration: {@code i8}, {@code u64}, {@code f32}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Widens integer bits of this type (held in the low {@link #size()} bytes of {@code bits}) to their numeric value:
   * sign-extended for signed types, zero-extended for unsigned ones ({@code U64} stays as its bits).
   */
  public long widen(long bits) {
    return switch (this) {
      case I8 -> (byte) bits;
      case U8 -> bits & 0xFFL;
      case I16 -> (short) bits;
      case U16 -> bits & 0xFFFFL;
      case I32 -> (int) bits;
      case U32 -> bits & 0xFFFF_FFFFL;
      case I64, U64 -> bits;
      case F32, F64 -> throw Exceptions.unsupported("%s is not an integer type", this);
    };
  }

  /** Compares two widened values of this integer type (unsigned comparison for {@code U64}). */
  public int compareWidened(long a, long b) {
    return this == U64 ? Long.compareUnsigned(a, b) : Long.compare(a, b);
  }

  /** The type with header code {@code code}, or null. */
  public static NumberType ofCode(int code) {
    for (NumberType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}

package dev.vecdb.compress.pco;

/**
 * Order-preserving maps between numbers (as raw bit patterns held in the low bits of a {@code long}) and pco
 * latents, plus the float "integer-valued float" maps used by FloatMult. All latents are kept in {@code long}; a
 * latent of fewer than 64 bits lives in the low bits. Stateless and thread-safe.
 */
final class Latents {
  private Latents() {}

  static long mask(int bits) {
    return bits == 64 ? -1L : (1L << bits) - 1;
  }

  static long mid(int bits) {
    return 1L << (bits - 1);
  }

  /** Bit length of the latent width: 4 (8-bit), 5, 6, 7 (64-bit). */
  static int bitsForOffsetBits(int bits) {
    return 32 - Integer.numberOfLeadingZeros(bits);
  }

  /** Number bits (low {@code type.bits()} bits significant) to ordered latent. */
  static long toOrdered(long raw, PcoNumberType type) {
    int bits = type.bits();
    long mask = mask(bits);
    long mid = mid(bits);
    return switch (type.kind()) {
      case UNSIGNED -> raw & mask;
      case SIGNED -> (raw ^ mid) & mask;
      case FLOAT -> (raw & mid) != 0 ? ~raw & mask : (raw ^ mid) & mask;
    };
  }

  /** {@link #toOrdered} of {@code raw[0..n)} into {@code dst}, with the type's case chosen once. */
  static void toOrderedAll(long[] raw, int n, PcoNumberType type, long[] dst) {
    int bits = type.bits();
    long mask = mask(bits);
    long mid = mid(bits);
    switch (type.kind()) {
      case UNSIGNED -> {
        for (int i = 0; i < n; i++) {
          dst[i] = raw[i] & mask;
        }
      }
      case SIGNED -> {
        for (int i = 0; i < n; i++) {
          dst[i] = (raw[i] ^ mid) & mask;
        }
      }
      case FLOAT -> {
        for (int i = 0; i < n; i++) {
          long x = raw[i];
          dst[i] = (x & mid) != 0 ? ~x & mask : (x ^ mid) & mask;
        }
      }
    }
  }

  /** Ordered latent to number bits (masked to the type width). */
  static long fromOrdered(long latent, PcoNumberType type) {
    int bits = type.bits();
    long mask = mask(bits);
    long mid = mid(bits);
    long l = latent & mask;
    return switch (type.kind()) {
      case UNSIGNED -> l;
      case SIGNED -> l ^ mid;
      case FLOAT -> (l & mid) != 0 ? l ^ mid : ~l & mask;
    };
  }

  /** Converts {@code n} latents in place to number bits. */
  static void fromOrderedInPlace(long[] a, int n, PcoNumberType type) {
    int bits = type.bits();
    long mask = mask(bits);
    long mid = mid(bits);
    switch (type.kind()) {
      case UNSIGNED -> {
        if (bits < 64) {
          for (int i = 0; i < n; i++) {
            a[i] &= mask;
          }
        }
      }
      case SIGNED -> {
        for (int i = 0; i < n; i++) {
          a[i] = (a[i] ^ mid) & mask;
        }
      }
      case FLOAT -> {
        for (int i = 0; i < n; i++) {
          long l = a[i] & mask;
          a[i] = (l & mid) != 0 ? l ^ mid : ~l & mask;
        }
      }
    }
  }

  /** Whether float bits (type F16/F32/F64) are a normal number: not zero, subnormal, infinite or NaN. */
  static boolean isNormal(long raw, PcoNumberType type) {
    int man = type.mantissaBits();
    long expField = (raw & (Latents.mid(type.bits()) - 1)) >>> man;
    long expMax = (1L << (type.bits() - 1 - man)) - 1;
    return expField != 0 && expField != expMax;
  }

  /** Raw bits of a float number (type F16/F32/F64) as a double; exact for every value. */
  static double toDouble(long raw, PcoNumberType type) {
    return switch (type.bits()) {
      case 16 -> Float.float16ToFloat((short) raw);
      case 32 -> Float.intBitsToFloat((int) raw);
      default -> Double.longBitsToDouble(raw);
    };
  }

  /** Rounds a double to the float type (one rounding) and returns its raw bits, masked. */
  static long fromDouble(double v, PcoNumberType type) {
    return switch (type.bits()) {
      case 16 -> Float.floatToFloat16((float) v) & 0xFFFFL;
      case 32 -> Float.floatToRawIntBits((float) v) & 0xFFFFFFFFL;
      default -> Double.doubleToRawLongBits(v);
    };
  }

  /**
   * pco's int_float_from_latent: latent MID maps to +0, counting integers up to 2^(mantissa+1) and then ULPs;
   * below MID the negatives. Returns the float's raw bits.
   */
  static long intFloatFromLatent(long latent, PcoNumberType type) {
    int bits = type.bits();
    long mid = mid(bits);
    long l = latent & mask(bits);
    boolean negative = Long.compareUnsigned(l, mid) < 0;
    long a = negative ? mid - 1 - l : l - mid;
    long g = 1L << (type.mantissaBits() + 1);
    long magnitude;
    if (a < g) {
      magnitude = fromDouble((double) a, type);
    } else {
      magnitude = fromDouble((double) g, type) + (a - g);
    }
    return negative ? magnitude | mid : magnitude;
  }

  /** Inverse of {@link #intFloatFromLatent}: the raw bits of an integer-valued float to its latent. */
  static long intFloatToLatent(long raw, PcoNumberType type) {
    int bits = type.bits();
    long mid = mid(bits);
    long abs = raw & (mid - 1);
    boolean negative = (raw & mid) != 0;
    long g = 1L << (type.mantissaBits() + 1);
    long gBits = fromDouble((double) g, type);
    long a = abs >= gBits ? g + (abs - gBits) : (long) toDouble(abs, type);
    return negative ? mid - 1 - a : mid + a;
  }
}

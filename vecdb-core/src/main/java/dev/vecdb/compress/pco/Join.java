package dev.vecdb.compress.pco;

import dev.vecdb.internal.Exceptions;

/**
 * Joins a page's primary (and secondary) latents into number bits (masked to the type width), in place in the
 * primary array, per the chunk's mode. Stateless and thread-safe.
 */
final class Join {
  private Join() {}

  static void join(ChunkMeta meta, long[] p, long[] s, int n) {
    PcoNumberType type = meta.type;
    int bits = type.bits();
    long mask = Latents.mask(bits);
    long mid = Latents.mid(bits);
    switch (meta.mode) {
      case ChunkMeta.CLASSIC -> {}
      case ChunkMeta.INT_MULT -> {
        long base = meta.base;
        for (int i = 0; i < n; i++) {
          p[i] = p[i] * base + s[i];
        }
      }
      case ChunkMeta.DICT -> {
        long[] dict = meta.dict;
        int len = meta.dictLen;
        for (int i = 0; i < n; i++) {
          long idx = p[i] & 0xFFFFFFFFL;
          if (idx >= len) {
            throw PcoErrors.corrupt("dictionary index %s >= dictionary length %s", idx, len);
          }
          p[i] = dict[(int) idx];
        }
      }
      case ChunkMeta.FLOAT_QUANT -> {
        int k = meta.quantK;
        long threshold = mid >>> k;
        long lowMask = (1L << k) - 1;
        for (int i = 0; i < n; i++) {
          long pi = p[i] & mask;
          long low = Long.compareUnsigned(pi, threshold) >= 0 ? s[i] : lowMask - s[i];
          p[i] = (pi << k) + low;
        }
      }
      case ChunkMeta.FLOAT_MULT -> {
        floatMult(meta, p, s, n, mid);
        return;
      }
      default -> throw Exceptions.illegalState("mode %s", meta.mode);
    }
    Latents.fromOrderedInPlace(p, n, type);
  }

  private static void floatMult(ChunkMeta meta, long[] p, long[] s, int n, long mid) {
    PcoNumberType type = meta.type;
    double base = Latents.toDouble(Latents.fromOrdered(meta.base, type), type);
    switch (type.bits()) {
      case 64 -> {
        for (int i = 0; i < n; i++) {
          double u = Double.longBitsToDouble(intFloat64(p[i])) * base;
          long latent = ordered64(Double.doubleToRawLongBits(u)) + s[i] + mid;
          p[i] = latent < 0 ? latent ^ Long.MIN_VALUE : ~latent;
        }
      }
      case 32 -> {
        float b = (float) base;
        for (int i = 0; i < n; i++) {
          float u = Float.intBitsToFloat(intFloat32((int) p[i])) * b;
          int raw = Float.floatToRawIntBits(u);
          int latent = (raw < 0 ? ~raw : raw ^ Integer.MIN_VALUE) + (int) s[i] + (int) mid;
          p[i] = (latent < 0 ? latent ^ Integer.MIN_VALUE : ~latent) & 0xFFFF_FFFFL;
        }
      }
      default -> {
        float b = (float) base;
        for (int i = 0; i < n; i++) {
          float u = Float.float16ToFloat((short) Latents.intFloatFromLatent(p[i], type)) * b;
          long raw = Float.floatToFloat16(u) & 0xFFFFL;
          p[i] = Latents.fromOrdered(Latents.toOrdered(raw, type) + s[i] + mid, type);
        }
      }
    }
  }

  private static final long G64 = 1L << 53;
  private static final long G64_BITS = Double.doubleToRawLongBits(0x1p53);

  /** {@link Latents#intFloatFromLatent} specialised for f64, the hot case. */
  private static long intFloat64(long l) {
    boolean negative = l >= 0;
    long a = negative ? Long.MAX_VALUE - l : l - Long.MIN_VALUE;
    long magnitude = a < G64 ? Double.doubleToRawLongBits((double) a) : G64_BITS + (a - G64);
    return negative ? magnitude | Long.MIN_VALUE : magnitude;
  }

  private static final int G32 = 1 << 24;
  private static final int G32_BITS = Float.floatToRawIntBits(0x1p24f);

  /** {@link Latents#intFloatFromLatent} specialised for f32 (the latent in the low 32 bits). */
  private static int intFloat32(int l) {
    boolean negative = l >= 0;
    int a = negative ? Integer.MAX_VALUE - l : l - Integer.MIN_VALUE;
    int magnitude = a >= 0 && a < G32 ? Float.floatToRawIntBits((float) a) : G32_BITS + (a - G32);
    return negative ? magnitude | Integer.MIN_VALUE : magnitude;
  }

  private static long ordered64(long raw) {
    return raw < 0 ? ~raw : raw ^ Long.MIN_VALUE;
  }
}

package dev.vecdb.compress.pco;

import dev.vecdb.internal.Exceptions;

/**
 * Mode detection and splitting of numbers into primary and secondary latents for the encoder: IntMult (common
 * divisor of all differences), FloatMult (integers or decimal multiples such as cents), FloatQuant (trailing zero
 * mantissa bits shared by every value). Candidates are only proposals; the chunk encoder keeps the one that
 * compresses best. Stateless and thread-safe.
 */
final class ModeSplit {
  /** Returned by the detectors when a mode does not apply. */
  static final long NO_CANDIDATE = -1;

  private static final int SAMPLE = 256;
  static final int TRIPLES = 100;
  private static final double REQUIRED_FRACTION = 0.9;

  private ModeSplit() {}

  /** Splits {@code raw[0..n)} into {@code prim} and, except for Classic, {@code sec}. */
  static void split(int mode, long param, long[] raw, int n, PcoNumberType type, long[] prim, long[] sec) {
    int bits = type.bits();
    long mask = Latents.mask(bits);
    long mid = Latents.mid(bits);
    switch (mode) {
      case ChunkMeta.CLASSIC -> Latents.toOrderedAll(raw, n, type, prim);
      case ChunkMeta.INT_MULT -> {
        Latents.toOrderedAll(raw, n, type, sec);
        divide(sec, n, param, prim);
      }
      case ChunkMeta.FLOAT_QUANT -> {
        int k = (int) param;
        long lowMask = (1L << k) - 1;
        long threshold = mid >>> k;
        for (int i = 0; i < n; i++) {
          long l = Latents.toOrdered(raw[i], type);
          long p = l >>> k;
          prim[i] = p;
          sec[i] = p >= threshold ? l & lowMask : lowMask - (l & lowMask);
        }
      }
      case ChunkMeta.FLOAT_MULT -> {
        long baseRaw = Latents.fromOrdered(param, type);
        double base = Latents.toDouble(baseRaw, type);
        double inv = 1 / base;
        for (int i = 0; i < n; i++) {
          double x = Latents.toDouble(raw[i], type);
          long multRaw = Latents.fromDouble(roundHalfAway(x * inv), type);
          prim[i] = Latents.intFloatToLatent(multRaw, type);
          long u = product(multRaw, base, type);
          sec[i] = (Latents.toOrdered(raw[i], type) - Latents.toOrdered(u, type) + mid) & mask;
        }
      }
      default -> throw Exceptions.illegalState("mode %s", mode);
    }
  }

  /** Latents below 2^52 are divided in double precision, then corrected to the exact quotient. */
  private static final long DOUBLE_DIVISION_LIMIT = 1L << 52;

  /**
   * Unsigned division of {@code l[0..n)} by {@code d} (> 0): quotients into {@code q}, remainders in place of
   * {@code l}. Without a hardware division per value when every latent and {@code d} are below 2^52, d at least 2: the
   * quotient (below 2^51) estimated through a double, two roundings of relative error 2^-53 each, is off by at most
   * one, and fixed by its remainder.
   */
  static void divide(long[] l, int n, long d, long[] q) {
    long max = 0;
    for (int i = 0; i < n; i++) {
      max |= l[i];
    }
    boolean small = Long.compareUnsigned(max, DOUBLE_DIVISION_LIMIT) < 0
        && Long.compareUnsigned(d, DOUBLE_DIVISION_LIMIT) < 0
        && d >= 2;
    if (!small) {
      for (int i = 0; i < n; i++) {
        long x = l[i];
        long quotient = Long.divideUnsigned(x, d);
        q[i] = quotient;
        l[i] = x - quotient * d;
      }
      return;
    }
    double inverse = 1.0 / d;
    for (int i = 0; i < n; i++) {
      long x = l[i];
      long quotient = (long) (x * inverse);
      long r = x - quotient * d;
      if (r < 0) {
        quotient--;
        r += d;
      } else if (r >= d) {
        quotient++;
        r -= d;
      }
      q[i] = quotient;
      l[i] = r;
    }
  }

  /** The decoder's FloatMult product in the type's own precision, as raw bits. */
  static long product(long multRaw, double base, PcoNumberType type) {
    return switch (type.bits()) {
      case 64 -> Double.doubleToRawLongBits(Double.longBitsToDouble(multRaw) * base);
      case 32 -> Float.floatToRawIntBits(Float.intBitsToFloat((int) multRaw) * (float) base) & 0xFFFFFFFFL;
      default -> Float.floatToFloat16(Float.float16ToFloat((short) multRaw) * (float) base) & 0xFFFFL;
    };
  }

  static double roundHalfAway(double x) {
    if (x - Math.floor(x) == 0.5) {
      return x < 0 ? Math.floor(x) : Math.ceil(x);
    }
    return Math.rint(x);
  }

  /**
   * IntMult candidate: the greatest common divisor (> 1) of all differences from the first value; failing that,
   * the divisor most often shared by triples of sampled values (a third of them at least), as pco's detector does.
   *
   * @param gcds scratch of at least {@value #TRIPLES} entries
   */
  static long intMultBase(long[] raw, int n, PcoNumberType type, long[] gcds) {
    if (type.isFloat() || n < 2) {
      return NO_CANDIDATE;
    }
    long first = Latents.toOrdered(raw[0], type);
    long g = 0;
    for (int i = 1; i < n && g != 1; i++) {
      g = gcd(g, absDiff(Latents.toOrdered(raw[i], type), first));
    }
    if (g != 0 && g != 1) {
      return g;
    }
    int triples = Math.min(TRIPLES, n / 3);
    int step = n / Math.max(triples * 3, 1);
    for (int t = 0; t < triples; t++) {
      int i = 3 * t * step;
      long a = Latents.toOrdered(raw[i], type);
      gcds[t] = gcd(absDiff(Latents.toOrdered(raw[i + step], type), a),
          absDiff(Latents.toOrdered(raw[i + 2 * step], type), a));
    }
    UnsignedSort.insertionSort(gcds, triples);
    long best = NO_CANDIDATE;
    int bestRun = Math.max(2, (triples + 2) / 3) - 1;
    for (int i = 0, j; i < triples; i = j) {
      long v = gcds[i];
      for (j = i + 1; j < triples && gcds[j] == v; j++) {}
      if (j - i > bestRun && v != 0 && v != 1) {
        bestRun = j - i;
        best = v;
      }
    }
    return best;
  }

  private static long absDiff(long x, long y) {
    return Long.compareUnsigned(x, y) >= 0 ? x - y : y - x;
  }

  static long gcd(long a, long b) {
    if (a == 0) {
      return b;
    }
    if (b == 0) {
      return a;
    }
    int shift = Long.numberOfTrailingZeros(a | b);
    a >>>= Long.numberOfTrailingZeros(a);
    while (b != 0) {
      b >>>= Long.numberOfTrailingZeros(b);
      if (Long.compareUnsigned(a, b) > 0) {
        long t = a;
        a = b;
        b = t;
      }
      b -= a;
    }
    return a << shift;
  }

  /**
   * FloatMult candidate: base 10^-k (k = 0 means integers) for the smallest k such that nearly all sampled finite
   * values are integer multiples of it; returns the base as an ordered latent.
   */
  static long floatMultBase(long[] raw, int n, PcoNumberType type) {
    if (!type.isFloat() || n < 2) {
      return NO_CANDIDATE;
    }
    int maxK = switch (type.bits()) {
      case 16 -> 2;
      case 32 -> 6;
      default -> 12;
    };
    long limit = 1L << (type.mantissaBits() + 1);
    int step = Math.max(1, n / SAMPLE);
    for (int k = 0; k <= maxK; k++) {
      double scale = Math.pow(10, k);
      long baseRaw = Latents.fromDouble(1 / scale, type);
      double base = Latents.toDouble(baseRaw, type);
      int total = 0;
      int good = 0;
      boolean nonTrivial = false;
      for (int i = 0; i < n; i += step) {
        double x = Latents.toDouble(raw[i], type);
        if (!Double.isFinite(x) || x == 0) {
          continue;
        }
        total++;
        double m = roundHalfAway(x * scale);
        if (Math.abs(m) >= limit || m == 0) {
          continue;
        }
        long u = product(Latents.fromDouble(m, type), base, type);
        long d = Latents.toOrdered(raw[i], type) - Latents.toOrdered(u, type);
        if (Math.abs(d) <= 2) {
          good++;
          nonTrivial |= Math.abs(m) > 1;
        }
      }
      if (total > 0 && nonTrivial && good >= REQUIRED_FRACTION * total) {
        return Latents.toOrdered(baseRaw, type);
      }
    }
    return NO_CANDIDATE;
  }

  /**
   * FloatQuant candidate: the largest count k (> 0) of trailing zero bits in the magnitude shared by nearly all
   * values (the rest go to the secondary latents).
   *
   * @param counts scratch of at least 53 entries
   */
  static long floatQuantK(long[] raw, int n, PcoNumberType type, int[] counts) {
    if (!type.isFloat() || n == 0) {
      return NO_CANDIDATE;
    }
    long magMask = Latents.mid(type.bits()) - 1;
    int man = type.mantissaBits();
    java.util.Arrays.fill(counts, 0, man + 1, 0);
    for (int i = 0; i < n; i++) {
      counts[Math.min(man, Long.numberOfTrailingZeros(raw[i] & magMask))]++;
    }
    int atLeast = 0;
    for (int k = man; k > 0; k--) {
      atLeast += counts[k];
      if (atLeast >= REQUIRED_FRACTION * n) {
        return k;
      }
    }
    return NO_CANDIDATE;
  }
}

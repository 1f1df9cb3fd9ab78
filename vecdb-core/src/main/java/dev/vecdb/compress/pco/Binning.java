package dev.vecdb.compress.pco;

/**
 * Trains the bins of one latent variable the way pco does: an equal-count histogram, an exact dynamic programme
 * merging adjacent histogram bins, and weight quantisation to a power-of-two tANS table. Returns the estimated
 * body size so callers can compare encodings. Holds scratch arrays; not thread-safe.
 */
final class Binning {
  private static final int MAX_ANS_LOG_ESTIMATE = 12;
  private static final float SPEEDUP_WORTH_BITS_PER_NUM = 0.1f;

  private final UnsignedSort sorter = new UnsignedSort();
  private long[] sorted = new long[0];
  private long[] hLower = new long[0];
  private long[] hUpper = new long[0];
  private int[] hCount = new int[0];
  private int[] cumCount = new int[0];
  private float[] bestCost = new float[0];
  private int[] bestJ = new int[0];
  private int[] groupStart = new int[0];
  private long[] groupCount = new long[0];
  private float[] log2Counts = new float[0];

  /**
   * Trains {@code var} on latents {@code a[off..off+n)} (each already within {@code bits} bits).
   *
   * @return the estimated size in bits of these latents' tANS symbols and offsets
   */
  double train(long[] a, int off, int n, int bits, int binsLog, LatentVar var) {
    var.bits = bits;
    if (n == 0) {
      var.nBins = 0;
      var.ansSizeLog = 0;
      return 0;
    }
    int h = histogram(a, off, n, binsLog);
    int nLogCeil = n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    int estLog = Math.min(Math.min(binsLog + 2, MAX_ANS_LOG_ESTIMATE), nLogCeil);
    int groups = optimize(h, n, estLog + bits + Latents.bitsForOffsetBits(bits));
    var.ensureBins(groups);
    for (int g = 0; g < groups; g++) {
      int j = groupStart[g];
      int i = g + 1 < groups ? groupStart[g + 1] - 1 : h - 1;
      var.lowers[g] = hLower[j];
      var.offsetBits[g] = bitLength(hUpper[i] - hLower[j]);
      groupCount[g] = cumCount[i + 1] - cumCount[j];
    }
    var.nBins = groups;
    var.ansSizeLog = Weights.quantize(groupCount, groups, n, estLog, var.weights);
    double cost = 0;
    for (int g = 0; g < groups; g++) {
      double ansBits = groups == 1 ? 0 : var.ansSizeLog - log2(var.weights[g]);
      cost += groupCount[g] * (ansBits + var.offsetBits[g]);
    }
    return cost;
  }

  static int bitLength(long x) {
    return 64 - Long.numberOfLeadingZeros(x);
  }

  /** Equal-count histogram of at most 2^binsLog bins; runs of equal values are never split. */
  private int histogram(long[] a, int off, int n, int binsLog) {
    if (sorted.length < n) {
      sorted = new long[Math.max(n, sorted.length * 2)];
    }
    System.arraycopy(a, off, sorted, 0, n);
    sorter.sort(sorted, n);
    int maxBins = 1 << binsLog;
    if (hLower.length < maxBins + 1) {
      int c = maxBins + 1;
      hLower = new long[c];
      hUpper = new long[c];
      hCount = new int[c];
      cumCount = new int[c + 1];
      bestCost = new float[c + 1];
      bestJ = new int[c];
      groupStart = new int[c];
      groupCount = new long[c];
    }
    int h = 0;
    int i = 0;
    int bin = 0;
    while (i < n) {
      int end = (int) (((long) (bin + 1) * n + maxBins - 1) / maxBins);
      end = Math.max(end, i + 1);
      if (end < n && sorted[end - 1] == sorted[end]) {
        long v = sorted[end];
        int runStart = end - 1;
        while (runStart > i && sorted[runStart - 1] == v) {
          runStart--;
        }
        int runEnd = end + 1;
        while (runEnd < n && sorted[runEnd] == v) {
          runEnd++;
        }
        end = (runStart + runEnd) / 2 < end || runStart == i ? runEnd : runStart;
      }
      hLower[h] = sorted[i];
      hUpper[h] = sorted[end - 1];
      hCount[h] = end - i;
      h++;
      i = end;
      bin = Math.max(bin + 1, (int) ((long) i * maxBins / n));
    }
    return h;
  }

  /** Optimal merge of adjacent histogram bins; fills {@code groupStart} and returns the group count. */
  private int optimize(int h, int total, int binMetaBits) {
    cumCount[0] = 0;
    for (int i = 0; i < h; i++) {
      cumCount[i + 1] = cumCount[i] + hCount[i];
    }
    float[] log2 = log2Table(total);
    float totalLog2 = log2[total];
    float meta = binMetaBits;
    bestCost[0] = 0;
    for (int i = 0; i < h; i++) {
      float best = Float.MAX_VALUE;
      int bj = 0;
      long upper = hUpper[i];
      int ci = cumCount[i + 1];
      for (int j = i; j >= 0; j--) {
        int count = ci - cumCount[j];
        float offsetBits = bitLength(upper - hLower[j]);
        if (meta + offsetBits * count >= best) {
          break;
        }
        float cost = bestCost[j] + meta + (totalLog2 - log2[count] + offsetBits) * count;
        if (cost < best) {
          best = cost;
          bj = j;
        }
      }
      bestCost[i + 1] = best;
      bestJ[i] = bj;
    }
    float best = bestCost[h];
    float slack = SPEEDUP_WORTH_BITS_PER_NUM * total;
    float single = meta + bitLength(hUpper[h - 1] - hLower[0]) * (float) total;
    if (single < best + slack) {
      groupStart[0] = 0;
      return 1;
    }
    boolean trivial = true;
    float trivialCost = 0;
    for (int i = 0; i < h && trivial; i++) {
      trivial = hLower[i] == hUpper[i];
      trivialCost += meta + (totalLog2 - log2[hCount[i]]) * hCount[i];
    }
    if (trivial && trivialCost < best + slack) {
      for (int i = 0; i < h; i++) {
        groupStart[i] = i;
      }
      return h;
    }
    int groups = 0;
    for (int i = h - 1; i >= 0; i = bestJ[i] - 1) {
      groupStart[groups++] = bestJ[i];
    }
    for (int l = 0, r = groups - 1; l < r; l++, r--) {
      int t = groupStart[l];
      groupStart[l] = groupStart[r];
      groupStart[r] = t;
    }
    return groups;
  }

  /** {@code log2Approx(c)} for every count {@code c <= n}, computed once per size and reused. */
  private float[] log2Table(int n) {
    if (log2Counts.length <= n) {
      int from = log2Counts.length;
      log2Counts = java.util.Arrays.copyOf(log2Counts, Math.max(n + 1, from * 2));
      for (int c = Math.max(from, 1); c < log2Counts.length; c++) {
        log2Counts[c] = log2Approx(c);
      }
    }
    return log2Counts;
  }

  private static final float SQRT2 = (float) Math.sqrt(2);
  private static final int SQRT2_SIGNIF = Float.floatToRawIntBits(SQRT2) & 0x7FFFFF;
  private static final float LOG_A = -2f * SQRT2 + 2f / 3f;
  private static final float LOG_B = 2f * SQRT2;
  private static final float LOG_C = -2f / 3f;

  /** Fast continuous base-2 logarithm approximation for x >= 1 (absolute error below 0.005). */
  static float log2Approx(float x) {
    int b = Float.floatToRawIntBits(x);
    int exp = b >>> 23;
    int signif = b & 0x7FFFFF;
    int high = signif > SQRT2_SIGNIF ? 1 : 0;
    float normalized = Float.intBitsToFloat(((0x7F ^ high) << 23) | signif);
    return (exp + high) + (-127f + LOG_A) + normalized * (LOG_B + LOG_C * normalized);
  }

  static double log2(double x) {
    return Math.log(x) * (1 / Math.log(2));
  }
}

package dev.vecdb.compress.pco;

/**
 * Encodes the stored latents of one latent variable of a page: bin lookup, the 4-way interleaved tANS pass (run
 * backwards so the decoder reads forwards) and the per-batch writing of symbols and offsets. Holds scratch
 * arrays; not thread-safe.
 */
final class VarEncoder {
  private static final long MAX_DIRECT_RANGE = 1 << 16;

  private int[] bins = new int[0];
  private long[] flipped = new long[0];
  private int[] direct = new int[0];
  private long[] ansBits = new long[0];
  private int[] ansLen = new int[0];
  private int[] minRenorm = new int[0];
  private int[] cutoff = new int[0];
  /** Per symbol: the next free slot of its run in {@link #nextStates} (scratch while building). */
  private int[] symStart = new int[0];
  /** Per symbol: the start of its run in {@link #nextStates} minus its weight. */
  private int[] symBase = new int[0];
  private int[] nextStates = new int[0];
  private int[] spread = new int[0];
  final int[] finalStates = new int[4];

  private LatentVar var;
  private long[] latents;
  private int off;

  /**
   * Prepares symbols and tANS bits for latents {@code a[off..off+k)} with the trained {@code var}; a variable of
   * one bin has neither (its latents are written as offsets from its single lower).
   */
  void encode(LatentVar v, long[] a, int offset, int k) {
    var = v;
    latents = a;
    off = offset;
    if (bins.length < k) {
      int c = Math.max(k, bins.length * 2);
      bins = new int[c];
      ansBits = new long[c];
      ansLen = new int[c];
    }
    int nBins = v.nBins;
    if (nBins <= 1) {
      java.util.Arrays.fill(finalStates, 0);
      return;
    }
    long first = v.lowers[0];
    long lastLower = v.lowers[nBins - 1];
    long last = lastLower + Latents.mask(v.offsetBits[nBins - 1]);
    long range = last - first;
    boolean narrow = Long.compareUnsigned(last, lastLower) >= 0
        && Long.compareUnsigned(range, Math.min(MAX_DIRECT_RANGE, 4L * k)) < 0;
    if (narrow) {
      lookupDirect(v, a, offset, k, first, (int) range);
    } else {
      lookupBinary(v, a, offset, k);
    }
    int t = 1 << v.ansSizeLog;
    buildTables(v, t);
    int s0 = t;
    int s1 = t;
    int s2 = t;
    int s3 = t;
    int[] cut = cutoff;
    int[] renorm = minRenorm;
    int[] base = symBase;
    int[] next = nextStates;
    int i = k - 1;
    for (; (i & 3) != 3; i--) {
      int s = bins[i];
      int x = switch (i & 3) {
        case 0 -> s0;
        case 1 -> s1;
        default -> s2;
      };
      int r = x >= cut[s] ? renorm[s] + 1 : renorm[s];
      ansBits[i] = x & ((1L << r) - 1);
      ansLen[i] = r;
      int nx = next[base[s] + (x >>> r)];
      switch (i & 3) {
        case 0 -> s0 = nx;
        case 1 -> s1 = nx;
        default -> s2 = nx;
      }
    }
    for (; i >= 3; i -= 4) {
      s3 = step(i, s3, cut, renorm, base, next);
      s2 = step(i - 1, s2, cut, renorm, base, next);
      s1 = step(i - 2, s1, cut, renorm, base, next);
      s0 = step(i - 3, s0, cut, renorm, base, next);
    }
    finalStates[0] = s0 - t;
    finalStates[1] = s1 - t;
    finalStates[2] = s2 - t;
    finalStates[3] = s3 - t;
  }

  /** Bin of each latent via a table indexed by {@code latent - first}, for narrow latent ranges. */
  private void lookupDirect(LatentVar v, long[] a, int offset, int k, long first, int range) {
    if (direct.length <= range) {
      direct = new int[Math.max(range + 1, direct.length * 2)];
    }
    for (int b = 0; b < v.nBins; b++) {
      int from = (int) (v.lowers[b] - first);
      int to = b + 1 < v.nBins ? (int) (v.lowers[b + 1] - first) : range + 1;
      java.util.Arrays.fill(direct, from, to, b);
    }
    for (int i = 0; i < k; i++) {
      bins[i] = direct[(int) (a[offset + i] - first)];
    }
  }

  /** Bin of each latent by branch-free binary search of the bin lowers. */
  private void lookupBinary(LatentVar v, long[] a, int offset, int k) {
    int nBins = v.nBins;
    if (flipped.length < nBins) {
      flipped = new long[Math.max(nBins, flipped.length * 2)];
    }
    for (int b = 0; b < nBins; b++) {
      flipped[b] = v.lowers[b] ^ Long.MIN_VALUE;
    }
    int top = Integer.highestOneBit(Math.max(nBins, 1));
    long[] fl = flipped;
    for (int i = 0; i < k; i++) {
      long x = a[offset + i] ^ Long.MIN_VALUE;
      int lo = 0;
      for (int step = top; step > 0; step >>>= 1) {
        int m = lo + step;
        lo = m < nBins && fl[m] <= x ? m : lo;
      }
      bins[i] = lo;
    }
  }

  private int step(int i, int x, int[] cut, int[] renorm, int[] base, int[] next) {
    int s = bins[i];
    int r = x >= cut[s] ? renorm[s] + 1 : renorm[s];
    ansBits[i] = x & ((1L << r) - 1);
    ansLen[i] = r;
    return next[base[s] + (x >>> r)];
  }

  private void buildTables(LatentVar v, int t) {
    int nBins = v.nBins;
    if (minRenorm.length < nBins) {
      int c = Math.max(nBins, minRenorm.length * 2);
      minRenorm = new int[c];
      cutoff = new int[c];
      symStart = new int[c];
      symBase = new int[c];
    }
    if (nextStates.length < t) {
      nextStates = new int[t];
      spread = new int[t];
    }
    int start = 0;
    for (int s = 0; s < nBins; s++) {
      int w = v.weights[s];
      int mr = v.ansSizeLog - (31 - Integer.numberOfLeadingZeros(2 * w - 1));
      minRenorm[s] = mr;
      cutoff[s] = (2 * w) << mr;
      symStart[s] = start;
      symBase[s] = start - w;
      start += w;
    }
    LatentVar.spread(v.weights, nBins, v.ansSizeLog, spread);
    for (int idx = 0; idx < t; idx++) {
      int s = spread[idx];
      nextStates[symStart[s]++] = t + idx;
    }
  }

  /** Writes the tANS bits then the offsets of stored latents {@code [from, to)}. */
  void writeBatch(BitWriter w, int from, int to) {
    if (from >= to) {
      return;
    }
    w.reserve((long) (to - from) * (LatentVar.MAX_ANS_BITS + 64));
    long[] lowers = var.lowers;
    int[] obs = var.offsetBits;
    if (var.nBins == 1) {
      int ob = obs[0];
      if (ob > 0) {
        long lower = lowers[0];
        for (int i = from; i < to; i++) {
          w.writeUnchecked(latents[off + i] - lower, ob);
        }
      }
      return;
    }
    for (int i = from; i < to; i++) {
      w.writeUnchecked(ansBits[i], ansLen[i]);
    }
    for (int i = from; i < to; i++) {
      int b = bins[i];
      w.writeUnchecked(latents[off + i] - lowers[b], obs[b]);
    }
  }
}

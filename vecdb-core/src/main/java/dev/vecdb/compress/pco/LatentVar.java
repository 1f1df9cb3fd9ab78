package dev.vecdb.compress.pco;

/**
 * One latent variable of a chunk: its bins (weight, lower, offset bits), its tANS size and, on the decoding side,
 * the tANS decode table. Reused across chunks; not thread-safe.
 */
final class LatentVar {
  static final int MAX_ANS_BITS = 14;
  static final int BITS_N_BINS = 15;

  int bits;
  int ansSizeLog;
  int nBins;
  int[] weights = new int[16];
  long[] lowers = new long[16];
  int[] offsetBits = new int[16];
  int maxOffsetBits;

  /** Decode nodes: {@code nextStateBase | bitsToRead << 16}, and the bin of each state. */
  private int[] nodeNext = new int[16];
  private int[] nodeBin = new int[16];
  private int[] spread = new int[16];
  private int[] counters = new int[16];

  void ensureBins(int n) {
    if (weights.length < n) {
      int c = Math.max(n, weights.length * 2);
      weights = new int[c];
      lowers = new long[c];
      offsetBits = new int[c];
    }
  }

  void read(BitReader r, int latentBits) {
    bits = latentBits;
    ansSizeLog = r.readInt(4, "ANS size log");
    nBins = r.readInt(BITS_N_BINS, "bin count");
    if ((1 << ansSizeLog) < nBins) {
      throw PcoErrors.corrupt("ANS size log %s is too small for %s bins", ansSizeLog, nBins);
    }
    if (nBins == 1 && ansSizeLog > 0) {
      throw PcoErrors.corrupt("only 1 bin but ANS size log is %s", ansSizeLog);
    }
    if (ansSizeLog > MAX_ANS_BITS) {
      throw PcoErrors.corrupt("ANS size log %s exceeds %s", ansSizeLog, MAX_ANS_BITS);
    }
    ensureBins(nBins);
    int obBits = Latents.bitsForOffsetBits(latentBits);
    int maxOb = 0;
    long weightSum = 0;
    for (int i = 0; i < nBins; i++) {
      weights[i] = (int) r.read(ansSizeLog) + 1;
      lowers[i] = r.read(latentBits);
      int ob = (int) r.read(obBits);
      r.checkBounds("bins");
      if (ob > latentBits) {
        throw PcoErrors.corrupt("offset bits %s exceed latent width %s", ob, latentBits);
      }
      offsetBits[i] = ob;
      maxOb = Math.max(maxOb, ob);
      weightSum += weights[i];
    }
    maxOffsetBits = maxOb;
    if (nBins > 0 && weightSum != 1L << ansSizeLog) {
      throw PcoErrors.corrupt("bin weights sum to %s, expected %s", weightSum, (1 << ansSizeLog));
    }
  }

  void write(BitWriter w) {
    w.write(ansSizeLog, 4);
    w.write(nBins, BITS_N_BINS);
    int obBits = Latents.bitsForOffsetBits(bits);
    for (int i = 0; i < nBins; i++) {
      w.write(weights[i] - 1, ansSizeLog);
      w.write(lowers[i], bits);
      w.write(offsetBits[i], obBits);
    }
  }

  /** The tANS spread table: position to symbol, for weights {@code w[0..count)} summing to {@code 2^sizeLog}. */
  static void spread(int[] w, int count, int sizeLog, int[] table) {
    int t = 1 << sizeLog;
    int stride = (3 * t) / 5;
    if ((stride & 1) == 0) {
      stride++;
    }
    long step = 0;
    for (int s = 0; s < count; s++) {
      for (int j = 0; j < w[s]; j++) {
        table[(int) ((stride * step) & (t - 1))] = s;
        step++;
      }
    }
  }

  void buildDecodeTable() {
    int t = 1 << ansSizeLog;
    if (nodeNext.length < t) {
      nodeNext = new int[t];
      nodeBin = new int[t];
      spread = new int[t];
    }
    if (nBins <= 1) {
      nodeNext[0] = 0;
      nodeBin[0] = 0;
      return;
    }
    if (counters.length < nBins) {
      counters = new int[Math.max(nBins, counters.length * 2)];
    }
    spread(weights, nBins, ansSizeLog, spread);
    System.arraycopy(weights, 0, counters, 0, nBins);
    for (int idx = 0; idx < t; idx++) {
      int s = spread[idx];
      int x = counters[s]++;
      int toRead = ansSizeLog - (31 - Integer.numberOfLeadingZeros(x));
      nodeNext[idx] = ((x << toRead) - t) | (toRead << 16);
      nodeBin[idx] = s;
    }
  }

  /**
   * Reads {@code k} latents (tANS symbols then offsets) of one batch into {@code dst[off..off+k)}, advancing the
   * four interleaved states; fails on insufficient data.
   */
  void readBatch(BitReader r, int[] states, long[] dst, int off, int k, int[] binScratch) {
    if (k == 0) {
      return;
    }
    if (nBins == 0) {
      throw PcoErrors.corrupt("latents present but the variable has no bins");
    }
    byte[] buf = r.buf;
    long pos = r.bitPos;
    if (nBins == 1) {
      long lower = lowers[0];
      int ob = offsetBits[0];
      if (ob == 0) {
        java.util.Arrays.fill(dst, off, off + k, lower);
        return;
      }
      for (int i = 0; i < k; i++) {
        dst[off + i] = lower + readBits(buf, pos, ob);
        pos += ob;
      }
      r.bitPos = pos;
      r.checkBounds("page body");
      return;
    }
    int[] next = nodeNext;
    int[] binOf = nodeBin;
    int s0 = states[0];
    int s1 = states[1];
    int s2 = states[2];
    int s3 = states[3];
    int i = 0;
    for (; i + 4 <= k; i += 4) {
      long w = BitReader.word(buf, (int) (pos >>> 3)) >>> (pos & 7);
      int n0 = next[s0];
      binScratch[i] = binOf[s0];
      int b0 = n0 >>> 16;
      s0 = (n0 & 0xFFFF) + (int) (w & ((1L << b0) - 1));
      w >>>= b0;
      int n1 = next[s1];
      binScratch[i + 1] = binOf[s1];
      int b1 = n1 >>> 16;
      s1 = (n1 & 0xFFFF) + (int) (w & ((1L << b1) - 1));
      w >>>= b1;
      int n2 = next[s2];
      binScratch[i + 2] = binOf[s2];
      int b2 = n2 >>> 16;
      s2 = (n2 & 0xFFFF) + (int) (w & ((1L << b2) - 1));
      w >>>= b2;
      int n3 = next[s3];
      binScratch[i + 3] = binOf[s3];
      int b3 = n3 >>> 16;
      s3 = (n3 & 0xFFFF) + (int) (w & ((1L << b3) - 1));
      pos += b0 + b1 + b2 + b3;
    }
    for (; i < k; i++) {
      int s = switch (i & 3) {
        case 0 -> s0;
        case 1 -> s1;
        case 2 -> s2;
        default -> s3;
      };
      int nd = next[s];
      binScratch[i] = binOf[s];
      int b = nd >>> 16;
      int ns = (nd & 0xFFFF) + (int) readBits(buf, pos, b);
      pos += b;
      switch (i & 3) {
        case 0 -> s0 = ns;
        case 1 -> s1 = ns;
        case 2 -> s2 = ns;
        default -> s3 = ns;
      }
    }
    states[0] = s0;
    states[1] = s1;
    states[2] = s2;
    states[3] = s3;
    long[] low = lowers;
    int[] obs = offsetBits;
    if (maxOffsetBits == 0) {
      for (int j = 0; j < k; j++) {
        dst[off + j] = low[binScratch[j]];
      }
    } else if (maxOffsetBits <= 56) {
      for (int j = 0; j < k; j++) {
        int bin = binScratch[j];
        int ob = obs[bin];
        long w = BitReader.word(buf, (int) (pos >>> 3)) >>> (pos & 7);
        dst[off + j] = low[bin] + (w & ((1L << ob) - 1));
        pos += ob;
      }
    } else {
      for (int j = 0; j < k; j++) {
        int bin = binScratch[j];
        int ob = obs[bin];
        dst[off + j] = low[bin] + readBits(buf, pos, ob);
        pos += ob;
      }
    }
    r.bitPos = pos;
    r.checkBounds("page body");
  }

  private static long readBits(byte[] buf, long pos, int bits) {
    if (bits <= 56) {
      return (BitReader.word(buf, (int) (pos >>> 3)) >>> (pos & 7)) & ((1L << bits) - 1);
    }
    long lo = (BitReader.word(buf, (int) (pos >>> 3)) >>> (pos & 7)) & 0xFFFFFFFFL;
    long p2 = pos + 32;
    long hi = (BitReader.word(buf, (int) (p2 >>> 3)) >>> (p2 & 7)) & Latents.mask(bits - 32);
    return lo | (hi << 32);
  }
}

package dev.vecdb.compress.pco;

/**
 * Encodes one chunk (type byte, count, chunk metadata and its single page): tries Classic and every detected mode,
 * picks the consecutive delta order per mode on a sample, keeps the smallest estimate, writes it, and falls back to
 * raw Classic bits if that would be smaller. Holds scratch arrays; not thread-safe.
 */
final class ChunkEncoder {
  private static final int COMPRESSION_LEVEL = 8;
  private static final int SECONDARY_MAX_BINS_LOG = 6;
  private static final int MAX_ORDER = 7;
  private static final int DELTA_GROUP = 200;
  private static final int N_PER_EXTRA_DELTA_GROUP = 10_000;
  private static final long NO_CANDIDATE = ModeSplit.NO_CANDIDATE;

  private final ChunkMeta meta = new ChunkMeta();
  private final Binning binning = new Binning();
  private final LatentVar trialVar = new LatentVar();
  private final VarEncoder primEnc = new VarEncoder();
  private final VarEncoder secEnc = new VarEncoder();
  private final long[] moments = new long[MAX_ORDER];
  private final long[] trialMoments = new long[MAX_ORDER];
  private long[] prim = new long[0];
  private long[] sec = new long[0];
  private long[] sampleRaw = new long[0];
  private long[] sample = new long[0];
  private long[] sampleSec = new long[0];
  private long[] trial = new long[0];
  private final int[] trailingZeroCounts = new int[64];
  private final long[] tripleGcds = new long[ModeSplit.TRIPLES];
  private int chosenOrder;

  /** Writes a chunk of the {@code n} number bits in {@code raw} (1 to 2^24 values). */
  void encode(long[] raw, int n, PcoNumberType type, BitWriter w) {
    if (prim.length < n) {
      prim = new long[n];
      sec = new long[n];
    }
    meta.type = type;
    int binsLog = binsLog(n);
    int sampleN = buildSample(raw, n);
    int bestMode = ChunkMeta.CLASSIC;
    long bestParam = 0;
    double bestCost = evaluate(ChunkMeta.CLASSIC, 0, sampleN, binsLog, Double.POSITIVE_INFINITY);
    int bestOrder = chosenOrder;
    for (int mode = ChunkMeta.INT_MULT; mode <= ChunkMeta.FLOAT_QUANT; mode++) {
      long param = switch (mode) {
        case ChunkMeta.INT_MULT -> ModeSplit.intMultBase(raw, n, type, tripleGcds);
        case ChunkMeta.FLOAT_MULT -> ModeSplit.floatMultBase(raw, n, type);
        default -> ModeSplit.floatQuantK(raw, n, type, trailingZeroCounts);
      };
      if (param != NO_CANDIDATE) {
        double cost = evaluate(mode, param, sampleN, binsLog, bestCost);
        if (cost < bestCost) {
          bestCost = cost;
          bestMode = mode;
          bestParam = param;
          bestOrder = chosenOrder;
        }
      }
    }
    plan(bestMode, bestParam, bestOrder, raw, n, binsLog);
    long start = w.bitPosition();
    write(w, n);
    long baseline = 32 + ((27 + type.bits() + Latents.bitsForOffsetBits(type.bits()) + 7) & ~7L)
        + (((long) n * type.bits() + 7) & ~7L);
    if (w.bitPosition() - start > baseline) {
      w.truncate(start);
      planBaseline(raw, n);
      write(w, n);
    }
  }

  /** pco's unoptimised histogram size (log2) for {@code n} latents at compression level 8. */
  static int binsLog(int n) {
    int f = Math.max(31 - Integer.numberOfLeadingZeros(n) - 4, 0);
    return COMPRESSION_LEVEL <= f ? COMPRESSION_LEVEL : f + (COMPRESSION_LEVEL - f) / 2;
  }

  /**
   * Estimates a mode on the sample: splits it, chooses the delta order ({@link #chosenOrder}) and returns the
   * estimated size in bytes of the sample's primary and secondary latents. The secondary latents are costed first:
   * when they alone reach {@code toBeat} the mode cannot win, and infinity is returned without trying delta orders.
   */
  private double evaluate(int mode, long param, int sampleN, int binsLog, double toBeat) {
    PcoNumberType type = meta.type;
    ModeSplit.split(mode, param, sampleRaw, sampleN, type, sample, sampleSec);
    int bits = type.bits();
    int trialLog = Math.min(binsLog, binsLog(sampleN));
    double secondaryCost = 0;
    if (mode != ChunkMeta.CLASSIC) {
      int secLog = Math.min(trialLog, SECONDARY_MAX_BINS_LOG);
      double body = binning.train(sampleSec, 0, sampleN, bits, secLog, trialVar);
      secondaryCost = Math.ceil(varMetaBits(trialVar) / 8) + Math.ceil(body / 8);
      if (secondaryCost >= toBeat) {
        return Double.POSITIVE_INFINITY;
      }
    }
    // Orders are tried upwards while each one beats the last; order 1 goes first so that a cheap lower bound can
    // spare the order-0 trial when order 1 is sure to beat it.
    double bestCost = trialCost(sampleN, 1, bits, trialLog);
    if (noDeltaLowerBound(sample, sampleN, bits) <= bestCost) {
      double noDeltaCost = trialCost(sampleN, 0, bits, trialLog);
      if (bestCost >= noDeltaCost) {
        chosenOrder = 0;
        return noDeltaCost + secondaryCost;
      }
    }
    chosenOrder = 1;
    for (int order = 2; order <= MAX_ORDER; order++) {
      double cost = trialCost(sampleN, order, bits, trialLog);
      if (cost >= bestCost) {
        break;
      }
      chosenOrder = order;
      bestCost = cost;
    }
    return bestCost + secondaryCost;
  }

  /**
   * A lower bound on the estimated bytes of latents {@code a[0..n)} without delta (as {@link #trialCost} computes
   * them) that costs one scan, or 0 unless the latents ascend (monotone series, whose first-order deltas usually
   * win: the bound then spares the order-0 trial and its quadratic bin optimisation). Every binning is a prefix code
   * of the distinct latents (a tANS symbol of probability weight / table size, plus offset bits covering the bin),
   * so by Kraft and Gibbs the body costs at least the latents' Shannon entropy, which is at least their collision
   * entropy {@code -log2(sum p^2)}; the metadata holds at least one bin.
   */
  static double noDeltaLowerBound(long[] a, int n, int bits) {
    long sumSquares = 0;
    long run = 1;
    for (int i = 1; i < n; i++) {
      int cmp = Long.compareUnsigned(a[i - 1], a[i]);
      if (cmp > 0) {
        return 0;
      }
      if (cmp == 0) {
        run++;
      } else {
        sumSquares += run * run;
        run = 1;
      }
    }
    sumSquares += run * run;
    double entropyBits = n * Binning.log2((double) n * n / sumSquares);
    double metaBits = 19 + bits + Latents.bitsForOffsetBits(bits);
    return Math.ceil(metaBits / 8) + Math.floor(entropyBits * (1 - 1e-9) / 8);
  }

  /** Splits all values, delta-encodes the primary latents and trains the bins. */
  private void plan(int mode, long param, int order, long[] raw, int n, int binsLog) {
    PcoNumberType type = meta.type;
    meta.mode = mode;
    meta.base = param;
    meta.quantK = (int) param;
    meta.delta = order == 0 ? ChunkMeta.DELTA_NONE : ChunkMeta.DELTA_CONSECUTIVE;
    meta.order = order;
    ModeSplit.split(mode, param, raw, n, type, prim, sec);
    int bits = type.bits();
    int stored = deltaEncode(prim, n, order, bits, moments);
    binning.train(prim, 0, stored, bits, binsLog, meta.primary);
    if (meta.hasSecondary()) {
      binning.train(sec, 0, n, bits, Math.min(binsLog, SECONDARY_MAX_BINS_LOG), meta.secondary);
    }
  }

  /** Raw Classic latents: one bin covering every latent with full-width offsets, no delta. */
  private void planBaseline(long[] raw, int n) {
    PcoNumberType type = meta.type;
    meta.mode = ChunkMeta.CLASSIC;
    meta.delta = ChunkMeta.DELTA_NONE;
    meta.order = 0;
    ModeSplit.split(ChunkMeta.CLASSIC, 0, raw, n, type, prim, sec);
    LatentVar v = meta.primary;
    v.bits = type.bits();
    v.ansSizeLog = 0;
    v.nBins = 1;
    v.weights[0] = 1;
    v.lowers[0] = 0;
    v.offsetBits[0] = type.bits();
  }

  /** Chunk and page metadata bits of one latent variable. */
  static double varMetaBits(LatentVar v) {
    return 19 + v.nBins * (double) (v.ansSizeLog + v.bits + Latents.bitsForOffsetBits(v.bits)) + 4 * v.ansSizeLog;
  }

  /**
   * Consecutive delta of the given order in place (the last pass also centres the residuals on the middle latent);
   * returns the count of stored residuals.
   */
  static int deltaEncode(long[] a, int n, int order, int bits, long[] moments) {
    long mask = Latents.mask(bits);
    int len = n;
    for (int j = 0; j < order; j++) {
      moments[j] = len > 0 ? a[0] & mask : 0;
      boolean last = j == order - 1;
      long shift = last ? Latents.mid(bits) : 0;
      long keep = last ? mask : -1L;
      for (int i = 0; i + 1 < len; i++) {
        a[i] = (a[i + 1] - a[i] + shift) & keep;
      }
      len = Math.max(len - 1, 0);
    }
    return len;
  }

  /** Estimated bytes of the sample compressed as one Classic page with the given consecutive delta order. */
  private double trialCost(int sampleN, int order, int bits, int binsLog) {
    System.arraycopy(sample, 0, trial, 0, sampleN);
    int stored = deltaEncode(trial, sampleN, order, bits, trialMoments);
    double body = binning.train(trial, 0, stored, bits, binsLog, trialVar);
    double metaBits = varMetaBits(trialVar) + order * bits;
    return Math.ceil(metaBits / 8) + Math.ceil(body / 8);
  }

  /** Copies pco's delta sample (the first 200 values plus evenly spread groups of 200) into sampleRaw. */
  private int buildSample(long[] raw, int n) {
    int extraGroups = 1 + n / N_PER_EXTRA_DELTA_GROUP;
    int nominal = (extraGroups + 1) * DELTA_GROUP;
    if (sampleRaw.length < nominal) {
      sampleRaw = new long[nominal];
      sample = new long[nominal];
      sampleSec = new long[nominal];
      trial = new long[nominal];
    }
    int padding = Math.max(0, n - nominal) / extraGroups;
    int len = Math.min(DELTA_GROUP, n);
    System.arraycopy(raw, 0, sampleRaw, 0, len);
    int i = DELTA_GROUP;
    for (int g = 0; g < extraGroups; g++) {
      i += padding;
      int take = Math.max(0, Math.min(DELTA_GROUP, n - i));
      System.arraycopy(raw, Math.min(i, n), sampleRaw, len, take);
      len += take;
      i += DELTA_GROUP;
    }
    return len;
  }

  /** Writes the planned chunk: header, metadata, page metadata and the batches of the single page. */
  private void write(BitWriter w, int n) {
    PcoNumberType type = meta.type;
    int order = meta.order;
    int stored = Math.max(0, n - order);
    primEnc.encode(meta.primary, prim, 0, stored);
    boolean secondary = meta.hasSecondary();
    if (secondary) {
      secEnc.encode(meta.secondary, sec, 0, n);
    }
    w.write(type.code(), 8);
    w.write(n - 1, 24);
    meta.write(w);
    for (int j = 0; j < order; j++) {
      w.write(moments[j], type.bits());
    }
    writeStates(w, primEnc, meta.primary);
    if (secondary) {
      writeStates(w, secEnc, meta.secondary);
    }
    w.alignZero();
    for (int start = 0; start < n; start += PageDecoder.BATCH) {
      int rem = n - start;
      primEnc.writeBatch(w, start, start + Math.min(PageDecoder.BATCH, Math.max(0, rem - order)));
      if (secondary) {
        secEnc.writeBatch(w, start, start + Math.min(PageDecoder.BATCH, rem));
      }
    }
    w.alignZero();
  }

  private static void writeStates(BitWriter w, VarEncoder enc, LatentVar v) {
    for (int e = 0; e < 4; e++) {
      w.write(enc.finalStates[e], v.ansSizeLog);
    }
  }
}

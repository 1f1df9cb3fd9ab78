package dev.vecdb.compress.pco;

/**
 * A chunk's metadata: mode (with its base, quantisation or dictionary), delta encoding and the latent variables.
 * Parsed with every corruption check the reference decoder makes; also written by the encoder. Reused across
 * chunks; not thread-safe.
 */
final class ChunkMeta {
  static final int CLASSIC = 0;
  static final int INT_MULT = 1;
  static final int FLOAT_MULT = 2;
  static final int FLOAT_QUANT = 3;
  static final int DICT = 4;

  static final int DELTA_NONE = 0;
  static final int DELTA_CONSECUTIVE = 1;
  static final int DELTA_LOOKBACK = 2;
  static final int DELTA_CONV1 = 3;

  private static final int MAX_DICT_BITS = 25;

  PcoNumberType type;
  int mode;
  /** IntMult base latent, or FloatMult base as an ordered latent. */
  long base;
  int quantK;
  long[] dict = new long[0];
  int dictLen;

  int delta;
  int order;
  boolean secondaryUsesDelta;
  int windowNLog;
  int stateNLog;
  int convQuantization;
  long convBias;
  long[] convWeights = new long[32];

  final LatentVar deltaVar = new LatentVar();
  final LatentVar primary = new LatentVar();
  final LatentVar secondary = new LatentVar();

  boolean hasDeltaVar() {
    return delta == DELTA_LOOKBACK;
  }

  boolean hasSecondary() {
    return mode == INT_MULT || mode == FLOAT_MULT || mode == FLOAT_QUANT;
  }

  int primaryBits() {
    return mode == DICT ? 32 : type.bits();
  }

  int primaryStateN() {
    return switch (delta) {
      case DELTA_CONSECUTIVE, DELTA_CONV1 -> order;
      case DELTA_LOOKBACK -> 1 << stateNLog;
      default -> 0;
    };
  }

  int secondaryStateN() {
    return secondaryUsesDelta ? primaryStateN() : 0;
  }

  void read(BitReader r, int formatMajor, PcoNumberType numberType) {
    type = numberType;
    int bits = type.bits();
    mode = r.readInt(4, "mode");
    switch (mode) {
      case CLASSIC -> {}
      case INT_MULT -> {
        if (formatMajor == 0) {
          throw PcoErrors.corrupt("IntMult from yanked format 0 (old GCD encoding) is unsupported");
        }
        base = r.readChecked(bits, "IntMult base");
        if (type.isFloat()) {
          throw PcoErrors.corrupt("IntMult mode is invalid for %s", type);
        }
        if (base == 0) {
          throw PcoErrors.corrupt("IntMult base must be positive");
        }
      }
      case FLOAT_MULT -> {
        base = r.readChecked(bits, "FloatMult base");
        if (!type.isFloat()) {
          throw PcoErrors.corrupt("FloatMult mode is invalid for %s", type);
        }
        long baseRaw = Latents.fromOrdered(base, type);
        if (!Latents.isNormal(baseRaw, type)) {
          throw PcoErrors.corrupt("FloatMult base %s must be a normal float", Latents.toDouble(baseRaw, type));
        }
      }
      case FLOAT_QUANT -> {
        quantK = r.readInt(8, "FloatQuant k");
        if (!type.isFloat()) {
          throw PcoErrors.corrupt("FloatQuant mode is invalid for %s", type);
        }
        if (quantK > type.mantissaBits()) {
          throw PcoErrors.corrupt("FloatQuant k %s out of range for %s", quantK, type);
        }
      }
      case DICT -> readDict(r, bits);
      default -> throw PcoErrors.corrupt("unknown mode %s", mode);
    }
    readDelta(r, formatMajor, bits);
    if (hasDeltaVar()) {
      deltaVar.read(r, 32);
      long windowN = 1L << windowNLog;
      for (int i = 0; i < deltaVar.nBins; i++) {
        long lower = deltaVar.lowers[i];
        if (lower < 1 || lower > windowN) {
          throw PcoErrors.corrupt("lookback bin lower %s outside [1, %s]", lower, windowN);
        }
      }
    }
    primary.read(r, primaryBits());
    if (hasSecondary()) {
      secondary.read(r, bits);
    }
    r.alignZero("chunk metadata");
  }

  private void readDict(BitReader r, int bits) {
    int len = r.readInt(MAX_DICT_BITS, "dictionary length");
    r.alignZero("dictionary length");
    if ((long) len * bits > r.remainingBits()) {
      throw PcoErrors.insufficientData("dictionary");
    }
    if (dict.length < len) {
      dict = new long[len];
    }
    for (int i = 0; i < len; i++) {
      dict[i] = r.read(bits);
    }
    r.checkBounds("dictionary");
    dictLen = len;
  }

  private void readDelta(BitReader r, int formatMajor, int bits) {
    secondaryUsesDelta = false;
    if (formatMajor < 3) {
      order = r.readInt(3, "delta order");
      delta = order == 0 ? DELTA_NONE : DELTA_CONSECUTIVE;
      return;
    }
    delta = r.readInt(4, "delta encoding");
    switch (delta) {
      case DELTA_NONE -> order = 0;
      case DELTA_CONSECUTIVE -> {
        order = r.readInt(3, "delta order");
        if (order == 0) {
          throw PcoErrors.corrupt("consecutive delta order must not be 0");
        }
        secondaryUsesDelta = r.readChecked(1, "delta flags") != 0;
      }
      case DELTA_LOOKBACK -> {
        windowNLog = 1 + r.readInt(5, "lookback window");
        stateNLog = r.readInt(4, "lookback state");
        if (stateNLog > windowNLog) {
          throw PcoErrors.corrupt("lookback state size log %s exceeds window %s", stateNLog, windowNLog);
        }
        if (windowNLog > 24) {
          throw PcoErrors.corrupt("lookback window size log %s exceeds 24", windowNLog);
        }
        secondaryUsesDelta = r.readChecked(1, "delta flags") != 0;
      }
      case DELTA_CONV1 -> readConv1(r, bits);
      default -> throw PcoErrors.corrupt("unknown delta encoding %s", delta);
    }
  }

  private void readConv1(BitReader r, int bits) {
    convQuantization = r.readInt(5, "conv1 quantization");
    convBias = r.readChecked(64, "conv1 bias") ^ Long.MIN_VALUE;
    order = 1 + r.readInt(5, "conv1 order");
    long sumAbs = 0;
    for (int i = 0; i < order; i++) {
      long w = (int) (r.readChecked(32, "conv1 weights") ^ 0x80000000L);
      convWeights[i] = w;
      sumAbs += Math.abs(w);
    }
    if (bits > 32) {
      throw PcoErrors.corrupt("conv1 delta encoding is invalid for %s-bit latents", bits);
    }
    int convBits = bits * 2;
    if (convQuantization > Math.min(31, convBits - 1)) {
      throw PcoErrors.corrupt("conv1 quantization %s too large", convQuantization);
    }
    long maxAbs = (1L << (convBits - 1)) - 1;
    long absBias = convBias == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(convBias);
    if (absBias > maxAbs || sumAbs > (maxAbs - absBias) >>> bits) {
      throw PcoErrors.corrupt("conv1 weights and bias could overflow the %s-bit accumulator", convBits);
    }
  }

  void write(BitWriter w) {
    int bits = type.bits();
    w.write(mode, 4);
    switch (mode) {
      case INT_MULT, FLOAT_MULT -> w.write(base, bits);
      case FLOAT_QUANT -> w.write(quantK, 8);
      default -> {}
    }
    w.write(delta, 4);
    if (delta == DELTA_CONSECUTIVE) {
      w.write(order, 3);
      w.write(0, 1);
    }
    primary.write(w);
    if (hasSecondary()) {
      secondary.write(w);
    }
    w.alignZero();
  }
}

package dev.vecdb.compress.pco;

import dev.vecdb.internal.Exceptions;

import java.util.Arrays;

/**
 * Decodes one pco page (page metadata, interleaved tANS batches, delta decoding, join) into number bits. Holds
 * growable scratch arrays so that steady-state decoding allocates nothing; not thread-safe.
 */
final class PageDecoder {
  static final int BATCH = 256;

  private long[] prim = new long[0];
  private long[] sec = new long[0];
  private long[] lookbacks = new long[0];
  private long[] hist = new long[0];
  private long[] primState = new long[0];
  private long[] secState = new long[0];
  private final int[] deltaAns = new int[4];
  private final int[] primAns = new int[4];
  private final int[] secAns = new int[4];
  private final int[] binScratch = new int[BATCH];

  /** Decodes a page of {@code n} values; afterwards {@link #values()} holds their number bits. */
  void decode(BitReader r, ChunkMeta meta, int n) {
    int primStateN = meta.primaryStateN();
    int secStateN = meta.secondaryStateN();
    int cap = n + BATCH;
    if (prim.length < cap) {
      prim = new long[cap];
      sec = new long[cap];
      lookbacks = new long[cap];
    }
    if (meta.hasDeltaVar()) {
      readStates(r, meta.deltaVar, null, 0, deltaAns);
    }
    primState = ensure(primState, primStateN, r, meta.primary.bits);
    readStates(r, meta.primary, primState, primStateN, primAns);
    if (meta.hasSecondary()) {
      secState = ensure(secState, secStateN, r, meta.secondary.bits);
      readStates(r, meta.secondary, secState, secStateN, secAns);
    }
    r.alignZero("page metadata");
    for (int start = 0; start < n; start += BATCH) {
      int rem = n - start;
      int bn = Math.min(BATCH, rem);
      int kPrim = Math.min(BATCH, Math.max(0, rem - primStateN));
      if (meta.hasDeltaVar()) {
        meta.deltaVar.readBatch(r, deltaAns, lookbacks, start, Math.min(bn, kPrim), binScratch);
      }
      meta.primary.readBatch(r, primAns, prim, start, kPrim, binScratch);
      if (meta.hasSecondary()) {
        int kSec = Math.min(BATCH, Math.max(0, rem - secStateN));
        meta.secondary.readBatch(r, secAns, sec, start, kSec, binScratch);
      }
    }
    r.alignZero("page body");
    int stored = Math.max(0, n - primStateN);
    Arrays.fill(prim, stored, n, 0L);
    undoDelta(meta, prim, n, primState, primStateN, meta.primary.bits);
    if (meta.hasSecondary()) {
      Arrays.fill(sec, Math.max(0, n - secStateN), n, 0L);
      if (secStateN > 0) {
        undoDelta(meta, sec, n, secState, secStateN, meta.secondary.bits);
      }
    }
    Join.join(meta, prim, sec, n);
  }

  long[] values() {
    return prim;
  }

  private long[] ensure(long[] a, int size, BitReader r, int bits) {
    if ((long) size * bits > r.remainingBits()) {
      throw PcoErrors.insufficientData("page metadata");
    }
    return a.length >= size ? a : new long[size];
  }

  private static void readStates(BitReader r, LatentVar var, long[] state, int stateN, int[] ans) {
    for (int i = 0; i < stateN; i++) {
      state[i] = r.read(var.bits);
    }
    for (int i = 0; i < 4; i++) {
      ans[i] = (int) r.read(var.ansSizeLog);
    }
    r.checkBounds("page metadata");
  }

  private void undoDelta(ChunkMeta meta, long[] a, int n, long[] state, int stateN, int bits) {
    long mid = Latents.mid(bits);
    switch (meta.delta) {
      case ChunkMeta.DELTA_NONE -> {}
      case ChunkMeta.DELTA_CONSECUTIVE -> DeltaDecode.consecutive(a, n, state, meta.order, mid);
      case ChunkMeta.DELTA_LOOKBACK -> {
        ensureHist(n + stateN);
        DeltaDecode.lookback(a, n, state, stateN, lookbacks, 1L << meta.windowNLog, hist, mid);
      }
      case ChunkMeta.DELTA_CONV1 -> {
        ensureHist(n + stateN);
        DeltaDecode.conv1(a, n, state, meta, Latents.mask(bits), mid, hist);
      }
      default -> throw Exceptions.illegalState("delta %s", meta.delta);
    }
  }

  private void ensureHist(int size) {
    if (hist.length < size) {
      hist = new long[size];
    }
  }
}

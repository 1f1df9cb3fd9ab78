package dev.vecdb.compress.pco;

/**
 * Delta decoding of a whole page of one latent variable, in place. The stored residuals come first in the array
 * (toggled around the centre), followed by padding up to {@code n}; the format guarantees the padding never
 * affects an output. Stateless and thread-safe.
 */
final class DeltaDecode {
  private DeltaDecode() {}

  /**
   * Consecutive delta of order {@code order}: repeated prefix sums starting at the moments, the first of which
   * also undoes the toggle around the centre.
   */
  static void consecutive(long[] a, int n, long[] moments, int order, long mid) {
    long m = moments[order - 1];
    for (int i = 0; i < n; i++) {
      long e = a[i] + mid;
      a[i] = m;
      m += e;
    }
    for (int j = order - 2; j >= 0; j--) {
      m = moments[j];
      for (int i = 0; i < n; i++) {
        long e = a[i];
        a[i] = m;
        m += e;
      }
    }
  }

  /**
   * Lookback: {@code hist} receives the state followed by the decoded values; lookback {@code lb[i]} refers to
   * the value {@code lb[i]} positions earlier, positions before the state reading as zero. Outputs are
   * {@code hist[0..n)}, copied back into {@code a}.
   */
  static void lookback(
      long[] a, int n, long[] state, int stateN, long[] lookbacks, long windowN, long[] hist, long mid) {
    System.arraycopy(state, 0, hist, 0, stateN);
    int stored = Math.max(0, n - stateN);
    for (int i = 0; i < stored; i++) {
      long lb = lookbacks[i] & 0xFFFFFFFFL;
      if (lb < 1 || lb > windowN) {
        throw PcoErrors.corrupt("lookback %s outside [1, %s]", lb, windowN);
      }
      int v = stateN + i;
      long ref = v - lb;
      hist[v] = a[i] + mid + (ref >= 0 ? hist[(int) ref] : 0);
    }
    System.arraycopy(hist, 0, a, 0, n);
  }

  /** Conv1: each value is its residual plus a quantised linear prediction from the previous {@code order}. */
  static void conv1(long[] a, int n, long[] state, ChunkMeta meta, long mask, long mid, long[] hist) {
    int order = meta.order;
    long[] w = meta.convWeights;
    long bias = meta.convBias;
    int q = meta.convQuantization;
    System.arraycopy(state, 0, hist, 0, order);
    int stored = Math.max(0, n - order);
    for (int i = 0; i < stored; i++) {
      int v = order + i;
      long pred = bias;
      for (int j = 0; j < order; j++) {
        pred += w[j] * hist[v - order + j];
      }
      hist[v] = (a[i] + mid + (Math.max(pred, 0) >> q)) & mask;
    }
    System.arraycopy(hist, 0, a, 0, n);
  }
}

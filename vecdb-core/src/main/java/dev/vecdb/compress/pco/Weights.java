package dev.vecdb.compress.pco;

/**
 * Quantises bin counts to tANS weights summing to a power of two, as pco does (proportional share of the surplus,
 * sum fixed up from the first bin, common powers of two divided out). Stateless and thread-safe.
 */
final class Weights {
  private Weights() {}

  /**
   * @param counts bin counts (each at least 1)
   * @param nBins number of bins
   * @param total sum of the counts
   * @param estimatedLog the preferred table size log
   * @param out receives the weights
   * @return the table size log
   */
  static int quantize(long[] counts, int nBins, long total, int estimatedLog, int[] out) {
    if (nBins == 1) {
      out[0] = 1;
      return 0;
    }
    int minLog = 32 - Integer.numberOfLeadingZeros(nBins - 1);
    int sizeLog = Math.max(minLog, estimatedLog);
    quantizeTo(counts, nBins, total, sizeLog, out);
    int shift = sizeLog;
    for (int i = 0; i < nBins; i++) {
      shift = Math.min(shift, Integer.numberOfTrailingZeros(out[i]));
    }
    for (int i = 0; i < nBins; i++) {
      out[i] >>= shift;
    }
    return sizeLog - shift;
  }

  static void quantizeTo(long[] counts, int nBins, long total, int sizeLog, int[] out) {
    long t = 1L << sizeLog;
    double mult = (double) t / total;
    double surplus = t - nBins;
    double propSum = 0;
    for (int i = 0; i < nBins; i++) {
      propSum += Math.max(counts[i] * mult - 1, 0);
    }
    long diff = -t;
    for (int i = 0; i < nBins; i++) {
      long w = Math.round(ideal(counts[i], mult, surplus, propSum));
      out[i] = (int) w;
      diff += w;
    }
    for (int pass = 0; diff != 0; pass++) {
      for (int i = 0; i < nBins && diff != 0; i++) {
        boolean roundedUp = out[i] > ideal(counts[i], mult, surplus, propSum);
        if (diff > 0 && out[i] > 1 && (roundedUp || pass > 0)) {
          out[i]--;
          diff--;
        } else if (diff < 0 && (!roundedUp || pass > 0)) {
          out[i]++;
          diff++;
        }
      }
    }
  }

  private static double ideal(long count, double mult, double surplus, double propSum) {
    return 1 + (propSum > 0 ? Math.max(count * mult - 1, 0) * surplus / propSum : 0);
  }
}

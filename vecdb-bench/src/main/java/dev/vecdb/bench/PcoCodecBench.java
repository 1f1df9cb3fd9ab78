package dev.vecdb.bench;

import dev.vecdb.compress.pco.PcoDecoder;
import dev.vecdb.compress.pco.PcoEncoder;
import dev.vecdb.compress.pco.PcoNumberType;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure-Java pco codec on vecdb's page size (16 KiB of values, 2048 eight-byte values per standalone blob), in
 * nanoseconds per page: 16,384 / score = GB/s of raw values. Two datasets, as in pco-format.md section 8: sequential
 * {@code u64} (value = index) and {@code f64} prices in cents (a random walk of cents with steps N(0, 5), divided by
 * 100: the FloatMult case). Each operation encodes or decodes {@value #PAGES} distinct pages so that branch
 * predictors do not learn a single page.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1)
public class PcoCodecBench {
  /** Values per page: 16 KiB of eight-byte values. */
  static final int PAGE = 2048;
  /** Pages per operation. */
  static final int PAGES = 64;

  /** The raw pages, their encoded blobs, and a reusable encoder, decoder and destinations. */
  @State(Scope.Thread)
  public static class Pages {
    long[] sequential;
    double[] prices;
    byte[][] sequentialBlobs;
    byte[][] priceBlobs;
    final PcoEncoder encoder = new PcoEncoder();
    final PcoDecoder decoder = new PcoDecoder();
    final long[] longOut = new long[PAGE];
    final double[] doubleOut = new double[PAGE];

    @Setup(Level.Trial)
    public void build() {
      sequential = new long[PAGE * PAGES];
      prices = new double[PAGE * PAGES];
      SplittableRandom rnd = new SplittableRandom(12345);
      long cents = 10_000;
      for (int i = 0; i < sequential.length; i++) {
        sequential[i] = i;
        cents += Math.round(gaussian(rnd) * 5);
        prices[i] = cents / 100.0;
      }
      sequentialBlobs = new byte[PAGES][];
      priceBlobs = new byte[PAGES][];
      for (int p = 0; p < PAGES; p++) {
        sequentialBlobs[p] = encoder.encode(PcoNumberType.U64, sequential, p * PAGE, PAGE);
        priceBlobs[p] = encoder.encode(PcoNumberType.F64, prices, p * PAGE, PAGE);
      }
    }

    private static double gaussian(SplittableRandom rnd) {
      double u = 1 - rnd.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
  }

  /** Decodes sequential {@code u64} pages. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public int decodeSequentialU64(Pages s) {
    return decodeAll(s.decoder, s.sequentialBlobs, PcoNumberType.U64, s.longOut);
  }

  /** Decodes {@code f64} price pages (FloatMult with a consecutive delta). */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public int decodeF64Prices(Pages s) {
    return decodeAll(s.decoder, s.priceBlobs, PcoNumberType.F64, s.doubleOut);
  }

  /** Encodes sequential {@code u64} pages. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public int encodeSequentialU64(Pages s) {
    return encodeAll(s.encoder, PcoNumberType.U64, s.sequential);
  }

  /** Encodes {@code f64} price pages (mode detection, delta order choice, binning, tANS). */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public int encodeF64Prices(Pages s) {
    return encodeAll(s.encoder, PcoNumberType.F64, s.prices);
  }

  /** Decodes every blob into {@code out} (overwritten page by page); returns the values decoded. */
  private static int decodeAll(PcoDecoder decoder, byte[][] blobs, PcoNumberType type, Object out) {
    int values = 0;
    for (byte[] blob : blobs) {
      values += decoder.decode(blob, 0, blob.length, type, out, 0);
    }
    return values;
  }

  /** Encodes each page of {@code values}; returns the total blob size. */
  private static int encodeAll(PcoEncoder encoder, PcoNumberType type, Object values) {
    int bytes = 0;
    for (int p = 0; p < PAGES; p++) {
      bytes += encoder.encode(type, values, p * PAGE, PAGE).length;
    }
    return bytes;
  }
}

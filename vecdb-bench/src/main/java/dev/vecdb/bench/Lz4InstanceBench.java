package dev.vecdb.bench;

import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Which lz4-java implementation the LZ4 format should use: compression and decompression of one 16 KiB page (the
 * paged formats' unit) per operation, in ns per page, for each {@link Dataset}.
 *
 * <ul>
 *   <li>{@code fastestJava}: {@link LZ4Factory#fastestJavaInstance()}, what vecdb uses. In lz4-java 1.14.0 it is
 *       the safe pure-Java implementation ({@code unsafeInstance()} returns it too).
 *   <li>{@code unsafeInsecure}: {@link LZ4Factory#unsafeInsecureInstance()}, the {@code sun.misc.Unsafe}
 *       implementation the fork keeps for comparison (deprecated memory access: the JDK warns).
 *   <li>{@code native}: {@link LZ4Factory#nativeInstance()}, the bundled JNI library (needs native access).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class Lz4InstanceBench {
  static final int PAGE = 16 * 1024;

  /** One page of the dataset, its compressed form and buffers, for one implementation. */
  @State(Scope.Thread)
  public static class Page {
    @Param({"fastestJava", "unsafeInsecure", "native"})
    public String instance;

    @Param({"SEQUENTIAL_U64", "PRICE_F64", "SMALL_I32", "RANDOM_U64"})
    public Dataset dataset;

    LZ4Compressor compressor;
    LZ4SafeDecompressor decompressor;
    byte[] raw;
    byte[] compressed;
    int compressedLength;
    byte[] restored = new byte[PAGE];

    @Setup
    @SuppressWarnings("deprecation") // unsafeInsecureInstance: measured on purpose, never used by vecdb
    public void prepare() {
      LZ4Factory factory = switch (instance) {
        case "fastestJava" -> LZ4Factory.fastestJavaInstance();
        case "unsafeInsecure" -> LZ4Factory.unsafeInsecureInstance();
        case "native" -> LZ4Factory.nativeInstance();
        default -> throw new IllegalArgumentException(instance);
      };
      compressor = factory.fastCompressor();
      decompressor = factory.safeDecompressor();
      raw = dataset.values(PAGE / dataset.type.size()).toArray(ValueLayout.JAVA_BYTE);
      compressed = new byte[compressor.maxCompressedLength(PAGE)];
      compressedLength = compressor.compress(raw, 0, PAGE, compressed, 0, compressed.length);
      PushWriteBench.check(decompressor.decompress(compressed, 0, compressedLength, restored, 0, PAGE) == PAGE
          && Arrays.equals(raw, restored), "lz4 round trip of " + instance);
    }
  }

  @Benchmark
  public int compress(Page p) {
    return p.compressor.compress(p.raw, 0, PAGE, p.compressed, 0, p.compressed.length);
  }

  @Benchmark
  public int decompress(Page p) {
    return p.decompressor.decompress(p.compressed, 0, p.compressedLength, p.restored, 0, PAGE);
  }
}

package dev.vecdb.bench;

import dev.vecdb.compress.Lz4PageCodec;
import dev.vecdb.compress.PageCodec;
import dev.vecdb.compress.PcoPageCodec;
import dev.vecdb.compress.ZstdPageCodec;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * Every page codec of the paged formats on one full 16 KiB page of each {@link Dataset}, through the
 * {@link PageCodec} interface the vectors use: {@code encode} and {@code decode} in ns per page (16,384 bytes, so
 * MB/s = 16,384 / score × 1000). ZSTD at the default level 3; LZ4 with the implementation vecdb picks (the JNI one
 * only when the fork has native access, which the annotation gives). Single-threaded; codecs reuse their buffers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class PageCodecBench {
  /** Bytes of one full page. */
  static final int PAGE = 16 * 1024;

  /** The codec, the page and its encoded form. */
  @State(Scope.Thread)
  public static class Page {
    @Param({"LZ4", "ZSTD", "PCO"})
    public String codec;

    @Param({"SEQUENTIAL_U64", "PRICE_F64", "SMALL_I32", "RANDOM_U64"})
    public Dataset dataset;

    PageCodec pageCodec;
    byte[] raw;
    byte[] encoded;
    int encodedLength;
    byte[] decoded;

    @Setup
    public void prepare() {
      pageCodec = switch (codec) {
        case "LZ4" -> new Lz4PageCodec();
        case "ZSTD" -> new ZstdPageCodec(3);
        case "PCO" -> new PcoPageCodec(dataset.type);
        default -> throw new IllegalArgumentException(codec);
      };
      raw = dataset.values(PAGE / dataset.type.size()).toArray(ValueLayout.JAVA_BYTE);
      encoded = new byte[pageCodec.maxCompressedLength(PAGE)];
      encodedLength = pageCodec.compress(raw, PAGE, encoded, 0);
      decoded = new byte[PAGE];
      pageCodec.decompress(encoded, 0, encodedLength, decoded, PAGE);
      PushWriteBench.check(Arrays.equals(raw, decoded), "round trip");
      System.out.printf("# page %s %s: %d of %d bytes (%.3f bytes/value)%n", codec, dataset, encodedLength, PAGE,
          encodedLength / (double) (PAGE / dataset.type.size()));
    }
  }

  /** Compresses the page: ns per 16 KiB page. */
  @Benchmark
  public int encode(Page p) {
    return p.pageCodec.compress(p.raw, PAGE, p.encoded, 0);
  }

  /** Decompresses the page: ns per 16 KiB page. */
  @Benchmark
  public byte[] decode(Page p) {
    p.pageCodec.decompress(p.encoded, 0, p.encodedLength, p.decoded, PAGE);
    return p.decoded;
  }
}

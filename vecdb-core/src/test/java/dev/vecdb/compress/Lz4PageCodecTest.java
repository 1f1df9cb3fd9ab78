package dev.vecdb.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LZ4 implementation follows native access: the JNI library when the JVM grants it, the pure-Java one (and no
 * JDK warning) otherwise; pages written by either are read by the other.
 */
class Lz4PageCodecTest {
  private static final int PAGE = 16 * 1024;

  @TempDir Path dir;

  @Test
  void usesTheNativeLibraryExactlyWhenNativeAccessIsGranted() {
    boolean granted = LZ4Factory.class.getModule().isNativeAccessEnabled();
    assertThat(Lz4PageCodec.implementation()).isEqualTo(granted ? "LZ4Factory:JNI" : "LZ4Factory:JavaSafe");
  }

  @Test
  void nativeAndJavaImplementationsReadEachOthersPages() {
    List<Lz4PageCodec> codecs = List.of(new Lz4PageCodec(LZ4Factory.nativeInstance()),
        new Lz4PageCodec(LZ4Factory.fastestJavaInstance()));
    byte[] sequential = new byte[PAGE];
    for (int i = 0; i < PAGE; i += 8) {
      sequential[i] = (byte) (i >>> 3);
      sequential[i + 1] = (byte) (i >>> 11);
    }
    byte[] random = new byte[PAGE];
    new SplittableRandom(5).nextBytes(random);
    for (byte[] page : List.of(new byte[PAGE], sequential, random)) {
      for (Lz4PageCodec writer : codecs) {
        byte[] compressed = new byte[writer.maxCompressedLength(PAGE)];
        int length = writer.compress(page, PAGE, compressed, 0);
        for (Lz4PageCodec reader : codecs) {
          byte[] restored = new byte[PAGE];
          reader.decompress(compressed, 0, length, restored, PAGE);
          assertThat(restored).isEqualTo(page);
        }
      }
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void withoutNativeAccessTheJavaImplementationRunsAndTheJdkWarnsNothing() throws Exception {
    assertThat(probe(false)).isEqualTo("LZ4Factory:JavaSafe sum=" + sumOfFirst(3 * 2048));
    assertThat(probe(true)).as("the same pages read natively").isEqualTo("LZ4Factory:JNI sum=" + sumOfFirst(3 * 2048));
  }

  private String probe(boolean nativeAccess) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = nativeAccess
        ? List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            Lz4Probe.class.getName(), dir.toString())
        : List.of(java, "-cp", System.getProperty("java.class.path"), Lz4Probe.class.getName(), dir.toString());
    Process process = new ProcessBuilder(command).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor()).as(err).isZero();
    assertThat(err).as("no JDK warning").isEmpty();
    return out;
  }

  private static long sumOfFirst(long n) {
    return n * (n - 1) / 2;
  }
}

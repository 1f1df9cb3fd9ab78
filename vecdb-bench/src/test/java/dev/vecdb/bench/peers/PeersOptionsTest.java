package dev.vecdb.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PeersOptionsTest {

  @Test
  void defaultsAreTenMillionValuesOnEveryEngineIntoTheResultsFolder() {
    PeersOptions options = PeersOptions.parse();

    assertThat(options.n()).isEqualTo(10_000_000);
    assertThat(options.engines()).containsExactly(Engine.values());
    assertThat(options.repetitions()).isEqualTo(5);
    assertThat(options.processes()).as("fresh processes per engine").isEqualTo(3);
    assertThat(options.out()).isEqualTo(Path.of("vecdb-bench", "results", "peers-10M.md"));
  }

  @Test
  void countsTakeSuffixesAndEnginesTheirIds() {
    PeersOptions options = PeersOptions.parse("--n", "100M", "--engines", "ffm, vecdb-zero-copy,h2-mvstore");

    assertThat(options.n()).isEqualTo(100_000_000);
    assertThat(options.engines()).containsExactly(Engine.FFM, Engine.VECDB_ZERO_COPY, Engine.H2_MVSTORE);
    assertThat(options.out().getFileName()).hasToString("peers-100M.md");
    assertThat(PeersOptions.parse("--n", "100k").n()).isEqualTo(100_000);
    assertThat(PeersOptions.label(123_456)).isEqualTo("123456");
  }

  @Test
  void badOptionsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> PeersOptions.parse("--engines", "leveldb"))
        .hasMessageContaining("unknown engine 'leveldb'").hasMessageContaining("vecdb-pco");
    assertThatThrownBy(() -> PeersOptions.parse("--size", "1")).hasMessageContaining("unknown option --size");
    assertThatThrownBy(() -> PeersOptions.parse("--n")).hasMessageContaining("--n needs a value");
    assertThatThrownBy(() -> PeersOptions.parse("--n", "10")).hasMessageContaining("--n >= 100");
    assertThatThrownBy(() -> PeersOptions.parse("--procs", "0")).hasMessageContaining("--procs >= 1");
  }
}

package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.sample.chain.Chain;
import dev.vecdb.sample.chain.ChainVectors;
import dev.vecdb.vec.StoredVec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/** Closing the application and starting a new one on the same data directory keeps data and stamps. */
class RestartTest {
  @TempDir
  Path dir;

  private ConfigurableApplicationContext start(long initialBlocks) {
    return new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0", "--vecdb.path=" + dir,
        "--sample.feed.initial-blocks=" + initialBlocks, "--sample.feed.batch-size=300",
        "--sample.feed.interval=0s");
  }

  private static HttpApi api(ConfigurableApplicationContext context) {
    return new HttpApi(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
  }

  @Test
  void dataAndStampsSurviveARestart() {
    List<String> hashes;
    List<Double> prices;
    List<Double> smas;
    List<Long> stamps;
    try (ConfigurableApplicationContext first = start(1200)) {
      first.getBean(Chain.class).produce();
      HttpApi api = api(first);
      hashes = api.read("/api/series/hash?from=-1000", "$.values");
      prices = api.read("/api/series/price?from=-1000", "$.values");
      smas = api.read("/api/series/price-sma?from=-1000", "$.values");
      stamps = first.getBean(ChainVectors.class).all().getFirst().changeStamps();
      assertThat(stamps).containsExactly(299L, 599L, 899L, 1199L, 1200L);
    }

    try (ConfigurableApplicationContext second = start(1000)) {
      HttpApi api = api(second);
      assertThat((Integer) api.read("/api/blocks/latest", "$.height")).isEqualTo(1200);
      assertThat(api.<List<String>>read("/api/series/hash?from=-1000", "$.values")).isEqualTo(hashes);
      assertThat(api.<List<Double>>read("/api/series/price?from=-1000", "$.values")).isEqualTo(prices);
      assertThat(api.<List<Double>>read("/api/series/price-sma?from=-1000", "$.values")).isEqualTo(smas);
      for (StoredVec vector : second.getBean(ChainVectors.class).all()) {
        assertThat(vector.storedLen()).as(vector.name()).isEqualTo(1201);
        assertThat(vector.stamp()).as(vector.name()).isEqualTo(1200);
        assertThat(vector.changeStamps()).as(vector.name()).isEqualTo(stamps);
      }
      assertThat(api.get("/actuator/prometheus").getBody()).contains("chain_blocks_ingested_total 0.0");

      assertThat(api.post("/api/reorg?toHeight=1000").getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(api.<List<String>>read("/api/series/hash?from=-1000&to=-201", "$.values"))
          .isEqualTo(hashes.subList(0, 799));
      assertThat(api.<List<String>>read("/api/series/hash?from=-201", "$.values").getFirst())
          .isNotEqualTo(hashes.get(799));
    }
  }
}

package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.sample.chain.Chain;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The derived metrics: eager vectors computed by vecdb after every batch, and a lazy vector computed on read. */
@TestPropertySource(properties = {"sample.feed.initial-blocks=1500", "sample.feed.batch-size=400",
    "sample.feed.interval=0s", DerivedExpectations.SMA_PROPERTY, DerivedExpectations.EMA_PROPERTY,
    DerivedExpectations.FEE_PROPERTY})
class DerivedMetricsTest extends RunningSample {
  @Autowired
  Chain chain;

  @Test
  void derivedSeriesAreListedWithTheirKind() {
    List<Map<String, Object>> series = api().read("/api/series", "$");
    Map<String, Object> kinds = series.stream()
        .collect(Collectors.toMap(s -> (String) s.get("name"), s -> s.get("kind")));
    assertThat(kinds).containsEntry("price", "source").containsEntry("price-sma", "eager")
        .containsEntry("price-ema", "eager").containsEntry("tx-count-cumulative", "eager")
        .containsEntry("fees-rolling", "eager").containsEntry("fee-per-tx", "lazy");
    assertThat(series).filteredOn(s -> !"lazy".equals(s.get("kind")))
        .allSatisfy(s -> assertThat((Integer) s.get("stamp")).isEqualTo((Integer) s.get("length") - 1));
    assertThat(series.getLast()).containsEntry("format", "lazy").containsEntry("storedBytes", 0)
        .containsEntry("length", series.getFirst().get("length"));
  }

  @Test
  void derivedValuesMatchARecomputation() {
    DerivedExpectations.assertDerivedMatchTheChain(api());
  }

  @Test
  void newBlocksExtendTheDerivedVectors() {
    int before = api().read("/api/series/price-sma?from=-1", "$.length");
    for (int i = 0; i < 3; i++) {
      chain.produce();
    }
    assertThat(api().<Integer>read("/api/series/price-sma?from=-1", "$.length")).isEqualTo(before + 3);
    DerivedExpectations.assertDerivedMatchTheChain(api());
  }
}

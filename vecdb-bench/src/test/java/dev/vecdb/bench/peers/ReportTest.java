package dev.vecdb.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static Measurement measured(Engine engine, long nsPerValue, long diskAllocated) {
    Measurement m = new Measurement(engine);
    m.values = 10_000_000;
    m.pointReads = 100_000;
    m.threads = 2;
    m.diskAllocated = diskAllocated;
    m.diskLogical = diskAllocated;
    for (Step step : Step.values()) {
      m.nanos.put(step, nsPerValue * m.operations(step));
    }
    return m;
  }

  @Test
  void stepTablesGiveRatesAndTheSpeedRelativeToTheLimit() {
    PeersOptions options = PeersOptions.parse("--n", "10M");
    String report = Report.render(options, List.of(measured(Engine.FFM, 2, 80_000_000),
        measured(Engine.VECDB_BYTES, 4, 80_000_000)), List.of("Load average: 1, 2, 3"));

    // 10 M values at 4 ns each: 40 ms, 250 M values/s, 2 GB/s, half the limit's speed.
    assertThat(report).contains(
        "| vecdb BYTES | 40.0 | 250 M | 2.00 | 4.00 | 0.500× |",
        "| vecdb BYTES | 0.500× | 0.500× | 0.500× | 0.500× | 0.500× | 0.500× | 0.500× |",
        "| FFM mapped file (the limit) | 20.0 | 500 M | 4.00 | 2.00 | 1.00× |",
        "- Load average: 1, 2, 3",
        "| vecdb BYTES: linear read ≥ 0.9× the limit's speed | 0.500× the limit's speed | **missed** |",
        "| vecdb BYTES: random get within 1.25× the limit's time | 2.00× the limit's time | **missed** |");
  }

  @Test
  void stepTablesGiveTheMedianOfTheProcessesWithTheirSpreadFaultsAndLoad() {
    Measurement slow = measured(Engine.VECDB_BYTES, 6, 80_000_000);
    Measurement fast = measured(Engine.VECDB_BYTES, 2, 80_000_000);
    Measurement middle = measured(Engine.VECDB_BYTES, 4, 80_000_000);
    slow.faults.put(Step.WRITE_MEMORY, 300L);
    fast.faults.put(Step.WRITE_MEMORY, 100L);
    middle.faults.put(Step.WRITE_MEMORY, 200L);
    slow.load.put(Step.WRITE_MEMORY, 0.5);
    fast.load.put(Step.WRITE_MEMORY, 2.5);
    middle.load.put(Step.WRITE_MEMORY, 1.5);

    Measurement median = Measurement.median(List.of(slow, fast, middle));
    String report = Report.render(PeersOptions.parse("--procs", "3"), List.of(median), List.of());

    // the median process writes at 4 ns/value (40 ms); the spread runs from 20 ms to 60 ms
    assertThat(median.runs).hasSize(3);
    assertThat(report).contains("| vecdb BYTES | 40.0 | 250 M | 2.00 | 4.00 | – | 20.0–60.0 | 200 | 1.50 |",
        "peers --n 10000000 --procs 3 ", "runs in 3 fresh child JVMs");
  }

  @Test
  void aFailedEngineIsReportedWithItsErrorAndTheTargetsComparePeers() {
    Measurement failed = new Measurement(Engine.QUESTDB);
    failed.error = "UnsatisfiedLinkError: no libquestdb.so";
    Measurement pco = measured(Engine.VECDB_PCO, 1, 300_000);
    String report = Report.render(PeersOptions.parse(), List.of(pco, measured(Engine.SQLITE, 12, 120_000_000),
        failed), List.of());

    assertThat(report).contains(
        "- **QuestDB (embedded) failed**: UnsatisfiedLinkError: no libquestdb.so",
        "| QuestDB (embedded) | failed |",
        "| vecdb PCO: linear read ≥ 10× faster than every peer | 12.0× vs the closest peer (SQLite (sqlite-jdbc))"
            + " | met |",
        "| vecdb PCO: disk ≤ 400 kB for 10 M values | 300 kB allocated (300 kB logical) | met |");
  }
}

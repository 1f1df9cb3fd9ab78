package dev.vecdb.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The targets of issue 10 item 4, checked on one run's measurements: raw formats against the FFM limit, every vecdb
 * format against every peer, and PCO's disk size. Each line says what was measured and whether it is met.
 */
final class TargetCheck {
  /** PCO's disk target: at most this many bytes allocated ... */
  static final long PCO_TARGET_BYTES = 400_000;
  /** ... for this many values (the target is stated for 10 M only). */
  static final long PCO_TARGET_VALUES = 10_000_000;

  private final Map<Engine, Measurement> byEngine;
  private final List<String[]> rows = new ArrayList<>();

  private TargetCheck(Map<Engine, Measurement> byEngine) {
    this.byEngine = byEngine;
  }

  /** The rows {target, measured, verdict} for the engines present in {@code byEngine}. */
  static List<String[]> check(Map<Engine, Measurement> byEngine) {
    TargetCheck check = new TargetCheck(byEngine);
    for (Engine raw : List.of(Engine.VECDB_BYTES, Engine.VECDB_ZERO_COPY)) {
      check.againstLimit(raw, Step.LINEAR, 0.9, "linear read ≥ 0.9× the limit's speed");
      check.againstLimit(raw, Step.WRITE_MEMORY, 0.8, "write (in memory) ≥ 0.8× the limit's speed");
      check.againstLimit(raw, Step.WRITE_DURABLE, 0.8, "write + durable ≥ 0.8× the limit's speed");
      check.againstLimit(raw, Step.RANDOM, 1 / 1.25, "random get within 1.25× the limit's time");
    }
    for (Engine vecdb : Engine.values()) {
      if (vecdb.isVecdb()) {
        check.againstPeers(vecdb, Step.WRITE_MEMORY);
        check.againstPeers(vecdb, Step.WRITE_DURABLE);
        check.againstPeers(vecdb, Step.LINEAR);
      }
    }
    check.pcoDisk();
    return check.rows;
  }

  private boolean ran(Engine e, Step step) {
    Measurement m = byEngine.get(e);
    return m != null && m.nanos(step) > 0;
  }

  /** Speed relative to the limit: limit time / engine time (1 = at the limit). */
  private void againstLimit(Engine e, Step step, double minimumSpeed, String target) {
    if (!ran(e, step) || !ran(Engine.FFM, step)) {
      return;
    }
    double speed = (double) byEngine.get(Engine.FFM).nanos(step) / byEngine.get(e).nanos(step);
    String measured = step == Step.RANDOM
        ? Numbers.ratio(1 / speed) + " the limit's time"
        : Numbers.ratio(speed) + " the limit's speed";
    rows.add(new String[] {e.label + ": " + target, measured, speed >= minimumSpeed ? "met" : "**missed**"});
  }

  private void againstPeers(Engine vecdb, Step step) {
    if (!ran(vecdb, step)) {
      return;
    }
    Engine slowest = null;
    double worst = Double.MAX_VALUE;
    for (Engine peer : Engine.values()) {
      if (peer.isVecdb() || peer == Engine.FFM || !ran(peer, step)) {
        continue;
      }
      double factor = (double) byEngine.get(peer).nanos(step) / byEngine.get(vecdb).nanos(step);
      if (factor < worst) {
        worst = factor;
        slowest = peer;
      }
    }
    if (slowest != null) {
      rows.add(new String[] {vecdb.label + ": " + step.title + " ≥ 10× faster than every peer",
          Numbers.ratio(worst) + " vs the closest peer (" + slowest.label + ")", worst >= 10 ? "met" : "**missed**"});
    }
  }

  private void pcoDisk() {
    Measurement pco = byEngine.get(Engine.VECDB_PCO);
    if (pco == null || pco.error != null) {
      return;
    }
    long size = pco.diskAllocated >= 0 ? pco.diskAllocated : pco.diskLogical;
    String measured = Numbers.bytes(size) + " allocated (" + Numbers.bytes(pco.diskLogical) + " logical)";
    if (pco.values != PCO_TARGET_VALUES) {
      rows.add(new String[] {"vecdb PCO: disk ≤ 400 kB for 10 M values", measured, "not applicable at this N"});
      return;
    }
    rows.add(new String[] {"vecdb PCO: disk ≤ 400 kB for 10 M values", measured,
        size <= PCO_TARGET_BYTES ? "met" : "**missed**"});
  }
}

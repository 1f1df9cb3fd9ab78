package dev.vecdb.bench.peers;

import java.util.Locale;

/**
 * The timed steps of the Rust original's workload ({@code rust-baseline.md}, steps (a) to (g'')), in the order
 * {@link OriginalWorkload} runs them, with the unit each is reported in.
 */
enum OriginalStep {
  OPEN_IMPORT("(a) open + import", Unit.MS),
  PUSH("(b) push", Unit.NS_PER_VALUE),
  WRITE("(c1) write()", Unit.NS_PER_VALUE),
  VEC_FLUSH("(d1) vec.flush() after write()", Unit.MS),
  DB_FLUSH("(d2) db.flush() after that", Unit.MS),
  PUSH_AGAIN("(d3) push, second database", Unit.NS_PER_VALUE),
  PUSH_THEN_FLUSH("(d3) vec.flush() right after the push", Unit.MS),
  DB_FLUSH_AGAIN("(d4) db.flush() after (d3)", Unit.MS),
  REOPEN("(e) reopen (open + import + len)", Unit.MS),
  REOPEN_WARM("(e') the same reopen, JIT-compiled: median of the last 500 of 2 000 open + close cycles", Unit.MS),
  FIRST_FOLD("(f0) first fold after the reopen", Unit.NS_PER_VALUE),
  WARM_FOLD("(f) warm fold, median of 5", Unit.NS_PER_VALUE),
  RANDOM("(g) 100k random reads, reader created inside, median of 5", Unit.NS_PER_READ),
  SORTED("(g'') the same indices sorted, one getAll, median of 5", Unit.NS_PER_READ),
  LIMIT_FOLD("(f) as a hand-written FFM loop over the same mapping (raw formats), median of 5", Unit.NS_PER_VALUE),
  LIMIT_RANDOM("(g) as a hand-written FFM loop over the same mapping (raw formats), median of 5", Unit.NS_PER_READ),
  LIMIT_RANDOM_AS_READER("(g) the same loop with a reader's barriers per read (raw formats), median of 5",
      Unit.NS_PER_READ);

  /** How a step's nanoseconds are reported. */
  enum Unit {
    MS("ms"), NS_PER_VALUE("ns/value"), NS_PER_READ("ns/read");

    final String label;

    Unit(String label) {
      this.label = label;
    }
  }

  final String title;
  final Unit unit;
  /** Whether the step times the physical limit, which only the raw formats have. */
  final boolean limit;

  OriginalStep(String title, Unit unit) {
    this.title = title;
    this.unit = unit;
    this.limit = name().startsWith("LIMIT_");
  }

  /** The property key prefix of this step in a result file. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

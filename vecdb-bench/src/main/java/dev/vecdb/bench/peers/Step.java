package dev.vecdb.bench.peers;

/** The timed steps of the workload, in the order the child JVM runs them, with what each one counts. */
enum Step {
  WRITE_MEMORY("write, into memory only", "append the N values; readable, not durable", false),
  WRITE_DURABLE("write + durable flush", "in a fresh store: append the N values, then make them durable", false),
  OPEN("open", "cold reopen of the durable dataset (new store object; page cache warm) and its count", false),
  FIRST_LINEAR("first linear read", "sum of all values in index order, right after the reopen", false),
  LINEAR("linear read", "the same sum, warm: median of the repetitions", false),
  RANDOM("random reads (1 %)", "N/100 point reads at seeded xorshift64 indices, one thread: median", true),
  RANDOM_ALL_CORES("random reads, all cores", "every thread reads all N/100 indices with its own reader: median",
      true);

  final String title;
  final String meaning;
  final boolean pointReads;

  Step(String title, String meaning, boolean pointReads) {
    this.title = title;
    this.meaning = meaning;
    this.pointReads = pointReads;
  }

  /** The property key of this step's time in a result file. */
  String key() {
    return key("ns");
  }

  /** The property key of this step's {@code what} ({@code ns}, {@code minflt}, {@code load}) in a result file. */
  String key(String what) {
    return name().toLowerCase(java.util.Locale.ROOT) + "." + what;
  }
}

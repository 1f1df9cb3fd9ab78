package dev.vecdb.compute;

import dev.vecdb.internal.Exceptions;

import dev.vecdb.internal.VecAccess;
import dev.vecdb.vec.StoredVec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored vector whose values are computed from other vectors: the framework every {@code compute*} method of
 * {@link EagerLongVec} and {@link EagerDoubleVec} runs on. The wrapped vector keeps its format (any of them), its
 * storage, its reads, stamps and rollback; the eager vector adds the computations.
 *
 * <h2>How a computation runs</h2>
 * <ol>
 *   <li><b>Version.</b> A computation has a dependency version: the sum of its sources' versions plus a seed fixed per
 *   method (2 for the moving sums and averages, 3 for EMA, 4 for RMA, as in the original). The vector's user
 *   version plus that dependency version is stored in its header as the computed version; when it differs from the
 *   stored one (a source or the method changed), the vector is reset (values, stamp and change sets) and recomputed
 *   from scratch.</li>
 *   <li><b>{@code maxFrom}.</b> Every method takes {@code maxFrom}, the first source index that may have changed
 *   since the last computation: the vector is truncated to it and everything from there is recomputed. Pass
 *   {@link Long#MAX_VALUE} when sources only grew, 0 to recompute everything. A shrinking source truncates nothing
 *   by itself.</li>
 *   <li><b>Resume.</b> Otherwise a computation resumes at the vector's length, recovering its running state from
 *   the values already computed (or from the sources), and stops at the shortest source.</li>
 *   <li><b>Batches.</b> Values are pushed in batches of {@value #DEFAULT_BATCH} and each batch is written
 *   ({@code write()}, not {@code flush()}: durability stays the caller's {@code flush()}), so memory stays bounded
 *   and a reader sees the computation progress.</li>
 *   <li><b>Failure.</b> A computation that fails (an integer underflow, a source with a hole) drops the batch it
 *   was computing: the vector keeps the values its earlier batches wrote.</li>
 *   <li><b>Shutdown.</b> A batch write never runs concurrently with {@link ComputeShutdown#stop()} (the JVM shutdown
 *   hook): after a stop the computation discards its unwritten batch and returns, leaving a prefix of correct values
 *   that the next computation resumes from.</li>
 * </ol>
 *
 * <h2>Threads</h2>
 * A computation mutates the vector: run it on the vector's writer thread. Other threads read through the wrapped
 * vector's {@code reader()}. An eager vector is a {@link ComputeSource}, so computations chain; its {@link #version()}
 * is its computed version, so a chain recomputes when any upstream version changes.
 */
public abstract class EagerVec implements ComputeSource {
  /** Values per written batch. */
  public static final int DEFAULT_BATCH = 1 << 20;
  private static final Logger LOG = LoggerFactory.getLogger(EagerVec.class);

  /** Computes the values of {@code [from, to)}, in order, and emits them. */
  @FunctionalInterface
  interface Batch {
    /**
     * @return the end reached: {@code to}, or less when a source ran out of values (the computation stops there)
     */
    long fill(long from, long to);
  }

  private static final VecAccess VECTORS = VecAccess.get();

  private final StoredVec stored;
  private int batchSize = DEFAULT_BATCH;

  EagerVec(StoredVec stored) {
    this.stored = stored;
  }

  @Override
  public final String name() {
    return stored.name();
  }

  @Override
  public final long len() {
    return stored.len();
  }

  /** The computed version: the wrapped vector's user version plus the dependency version of its computation. */
  @Override
  public final int version() {
    return VECTORS.computedVersion(stored);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + stored + ", computed version " + version() + "]";
  }

  /** Sets the number of values per written batch (tests use small batches). */
  final void batchSize(int values) {
    if (values <= 0) {
      throw invalid("batch size must be positive, not " + values);
    }
    batchSize = values;
  }

  /**
   * Steps 1 and 2 of a computation: checks the computed version (resetting the vector when it changed) and
   * truncates to {@code maxFrom}.
   *
   * @return the index the computation resumes at
   */
  final long begin(int dependencyVersion, long maxFrom) {
    if (maxFrom < 0) {
      throw invalid("maxFrom must not be negative, not " + maxFrom);
    }
    discardEmitted();
    int expected = stored.version() + dependencyVersion;
    if (VECTORS.computedVersion(stored) != expected) {
      if (!stored.isEmpty()) {
        LOG.info("vector '{}': computed version {} differs from {}, recomputing from scratch", stored.name(),
            VECTORS.computedVersion(stored), expected);
        stored.reset();
      }
      VECTORS.updateComputedVersion(stored, expected);
    }
    if (maxFrom < stored.len()) {
      stored.truncate(maxFrom);
    }
    if (stored.isEmpty()) {
      LOG.debug("computing vector '{}'", stored.name());
    }
    return stored.len();
  }

  /** Step 3: fills {@code [len(), end)} batch by batch, writing each one. */
  final void run(long end, Batch batch) {
    long from = stored.len();
    while (true) {
      long to = Math.min(end, from + batchSize);
      long reached = from < end ? fill(batch, from, to) : from;
      if (stored.len() != reached) {
        throw ComputeErrors.compute("vector '%s': a batch for [%s, %s) left length %s", name(), from, reached,
            stored.len());
      }
      if (!commit() || reached != to || to >= end) {
        return;
      }
      from = to;
    }
  }

  /** Runs one batch; a failure drops the batch, leaving the values written before it. */
  private long fill(Batch batch, long from, long to) {
    try {
      long reached = batch.fill(from, to);
      pushEmitted();
      return reached;
    } catch (RuntimeException e) {
      discardEmitted();
      stored.truncate(from);
      throw e;
    }
  }

  /** Pushes the values emitted and still buffered into the vector. */
  abstract void pushEmitted();

  /** Drops buffered values a failed computation emitted. */
  abstract void discardEmitted();

  /**
   * Writes the pushed values unless a shutdown is under way.
   *
   * @return whether the computation may go on
   */
  final boolean commit() {
    return ComputeShutdown.writeBatch(stored);
  }

  /** Whether another batch of {@code done} values is due. */
  final boolean batchDue(long done) {
    return done > 0 && done % batchSize == 0;
  }

  /** An {@link IllegalArgumentException} naming this vector. */
  final IllegalArgumentException invalid(String reason) {
    return Exceptions.illegalArgument("vector '%s': %s", name(), reason);
  }

  /** A {@link ComputeException} naming this vector and the index computed. */
  final ComputeException failure(long index, String what) {
    return ComputeErrors.compute("vector '%s', index %s: %s", name(), index, what);
  }

  /** The length of the shortest source. */
  static long end(ComputeSource... sources) {
    long end = Long.MAX_VALUE;
    for (ComputeSource s : sources) {
      end = Math.min(end, s.len());
    }
    return end;
  }

  /** The sum of the sources' versions. */
  static int versions(ComputeSource... sources) {
    int sum = 0;
    for (ComputeSource s : sources) {
      sum += s.version();
    }
    return sum;
  }

  /** {@code sources} as an array, rejecting an empty list. */
  final ComputeSource[] nonEmpty(List<? extends ComputeSource> sources, String what) {
    if (sources.isEmpty()) {
      throw invalid(what + " must have at least one element");
    }
    return sources.toArray(ComputeSource[]::new);
  }
}

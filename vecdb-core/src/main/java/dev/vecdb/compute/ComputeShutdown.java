package dev.vecdb.compute;

import dev.vecdb.vec.StoredVec;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Stops computations cleanly when the JVM shuts down: the counterpart of the original's {@code Exit} guard.
 *
 * <p>A computation writes its values in batches ({@link EagerVec}); each batch's {@code write()} runs under a shared
 * lock and only if no stop was requested. {@link #stop()} sets the stop flag, then takes the lock exclusively, which
 * waits for a batch write in progress to finish. After it returns, no computation writes again: each one discards
 * its unwritten values and returns at its next batch boundary, so every computed vector holds a prefix of correct
 * values that the next computation resumes from.
 *
 * <p>A JVM shutdown hook calls {@link #stop()} once this class is loaded (by the first computation; loaded while the
 * JVM already shuts down, it starts stopped). Shutdown hooks
 * run concurrently, so code that closes a {@link dev.vecdb.Database} in its own hook (a Spring context closing, for
 * instance) should call {@link #stop()} first. Thread-safe.
 */
public final class ComputeShutdown {
  private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
  private static volatile boolean stopping;

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(ComputeShutdown::stop, "vecdb-compute-shutdown"));
    } catch (IllegalStateException shutdownInProgress) {
      stopping = true;
    }
  }

  private ComputeShutdown() {}

  /**
   * Requests every computation to stop at its next batch boundary and waits until no batch write is in progress.
   * Idempotent; a computation started afterwards writes nothing.
   */
  public static void stop() {
    stopping = true;
    LOCK.writeLock().lock();
    LOCK.writeLock().unlock();
  }

  /** Whether {@link #stop()} was called. */
  public static boolean isStopping() {
    return stopping;
  }

  /** Lets computations write again after {@link #stop()} (for tests that simulate a shutdown). */
  static void resume() {
    stopping = false;
  }

  /**
   * Writes {@code vec} unless a stop was requested; on a stop it discards the values pushed since the last write
   * instead, leaving the vector at its last written state.
   *
   * @return whether the computation may go on (false once stopping)
   */
  static boolean writeBatch(StoredVec vec) {
    LOCK.readLock().lock();
    try {
      if (stopping) {
        vec.truncate(vec.storedLen());
        return false;
      }
      vec.write();
      return !stopping;
    } finally {
      LOCK.readLock().unlock();
    }
  }
}

package dev.vecdb.spring;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Flushes the database every {@code vecdb.flush-interval} on a daemon thread. Started with the context, stopped
 * (cancelling the schedule and waiting for a running flush, never interrupting it: an interrupted file channel
 * closes) before the destroy phase, so the shutdown flush never races with it. A failed flush
 * is logged and recorded by {@link VecdbFlusher}; the next one still runs.
 *
 * <p>Threads: {@link #start()} and {@link #stop()} are called by the container; flushes run on the
 * {@code vecdb-flush} thread.
 */
public class VecdbPeriodicFlush implements SmartLifecycle {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final VecdbFlusher flusher;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  /**
   * @param flusher flushes the database
   * @param interval time between the end of one flush and the start of the next; positive
   */
  public VecdbPeriodicFlush(VecdbFlusher flusher, Duration interval) {
    if (!interval.isPositive()) {
      throw new IllegalArgumentException("flush interval must be positive, got " + interval);
    }
    this.flusher = flusher;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "vecdb-flush");
      thread.setDaemon(true);
      return thread;
    });
    long nanos = interval.toNanos();
    scheduler.scheduleWithFixedDelay(this::flush, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  /** Stops late: after the web server drained and stopped (it runs in higher phases). */
  @Override
  public int getPhase() {
    return 0;
  }

  private void flush() {
    try {
      flusher.flush();
    } catch (RuntimeException alreadyLoggedAndRecorded) {
      // the flusher logged and recorded the failure; keep the schedule for the next attempt
    }
  }
}

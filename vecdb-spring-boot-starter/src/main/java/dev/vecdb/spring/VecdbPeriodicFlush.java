package dev.vecdb.spring;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Flushes the database every {@code vecdb.flush-interval} on a {@link TaskScheduler} (the application's, or one
 * built by Boot's scheduler builder, which follows {@code spring.threads.virtual.enabled} and
 * {@code spring.task.scheduling.*}). Started with the context and stopped in the lifecycle's stop phase, before any
 * bean is destroyed: {@link #stop()} cancels the schedule and waits for a running flush to finish (never interrupting
 * it: an interrupted file channel closes), so the final flush at shutdown never races with it. A failed flush is
 * logged and recorded by {@link VecdbFlusher}; the next one still runs.
 *
 * <p>Threads: {@link #start()} and {@link #stop()} are called by the container; flushes run on the scheduler's
 * threads, one at a time.
 */
public class VecdbPeriodicFlush implements SmartLifecycle, DisposableBean {
  private final VecdbFlusher flusher;
  private final TaskScheduler scheduler;
  private final Duration interval;
  private final boolean ownsScheduler;
  /** Held while a flush runs; {@link #stop()} takes it to wait for the running flush. */
  private final ReentrantLock flushing = new ReentrantLock();
  /** The scheduled flushes while running; written under this object's monitor. */
  private volatile @Nullable ScheduledFuture<?> schedule;

  /**
   * @param flusher flushes the database
   * @param scheduler runs the flushes
   * @param interval time between the end of one flush and the start of the next; positive
   * @param ownsScheduler whether {@link #destroy()} closes the scheduler (one built for this bean alone)
   */
  public VecdbPeriodicFlush(VecdbFlusher flusher, TaskScheduler scheduler, Duration interval,
      boolean ownsScheduler) {
    if (!interval.isPositive()) {
      throw new IllegalArgumentException("flush interval must be positive, got " + interval);
    }
    this.flusher = flusher;
    this.scheduler = scheduler;
    this.interval = interval;
    this.ownsScheduler = ownsScheduler;
  }

  @Override
  public synchronized void start() {
    if (schedule == null) {
      schedule = scheduler.scheduleWithFixedDelay(this::flush, scheduler.getClock().instant().plus(interval),
          interval);
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledFuture<?> running = schedule;
    if (running == null) {
      return;
    }
    schedule = null;
    running.cancel(false);
    flushing.lock();
    flushing.unlock();
  }

  @Override
  public boolean isRunning() {
    return schedule != null;
  }

  /** Closes the scheduler if this bean owns it. */
  @Override
  public void destroy() throws Exception {
    if (ownsScheduler && scheduler instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /** Stops late: after the web server drained and stopped (it runs in higher phases). */
  @Override
  public int getPhase() {
    return 0;
  }

  private void flush() {
    flushing.lock();
    try {
      if (isRunning()) {
        flusher.flush();
      }
    } catch (RuntimeException alreadyLoggedAndRecorded) {
      // the flusher logged and recorded the failure; keep the schedule for the next attempt
    } finally {
      flushing.unlock();
    }
  }
}

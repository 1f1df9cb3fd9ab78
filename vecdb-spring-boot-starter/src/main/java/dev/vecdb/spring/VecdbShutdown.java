package dev.vecdb.spring;

import dev.vecdb.ConcurrentMutationException;
import dev.vecdb.Database;
import dev.vecdb.vec.StoredVec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Closes the database when the application context is destroyed. Destroy callbacks run after every lifecycle bean
 * stopped (the web server has drained its requests, background flushes have stopped), so no accepted write is lost:
 * with {@code vecdb.flush-on-shutdown} it first writes every declared vector (keeping pushed values) and flushes,
 * then closes. A vector still owned by another writer thread cannot be written from here: its pushed values are
 * lost and a warning names it. Called once, by the container's destroying thread.
 */
public class VecdbShutdown implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(VecdbShutdown.class);

  private final VecdbVectors vectors;
  private final VecdbFlusher flusher;
  private final boolean flush;

  /**
   * @param vectors the declared vectors, written before the flush
   * @param flusher flushes the database
   * @param flush whether to write and flush before closing
   */
  public VecdbShutdown(VecdbVectors vectors, VecdbFlusher flusher, boolean flush) {
    this.vectors = vectors;
    this.flusher = flusher;
    this.flush = flush;
  }

  @Override
  public void destroy() {
    Database database = flusher.database();
    if (!database.isOpen()) {
      return;
    }
    try {
      if (flush) {
        log.info("Writing, flushing and closing vecdb database {}", database.path());
        vectors.all().forEach(VecdbShutdown::write);
        flusher.flush();
      } else {
        log.info("Closing vecdb database {} without flushing", database.path());
      }
    } catch (RuntimeException alreadyLogged) {
      log.error("vecdb database {} closes without the changes since its last successful flush", database.path());
    } finally {
      database.close();
    }
  }

  private static void write(StoredVec vector) {
    try {
      vector.write();
    } catch (ConcurrentMutationException e) {
      log.warn("vecdb vector '{}' keeps its last written state: {}", vector.name(), e.getMessage());
    } catch (RuntimeException e) {
      log.error("vecdb vector '{}' could not be written at shutdown", vector.name(), e);
    }
  }
}

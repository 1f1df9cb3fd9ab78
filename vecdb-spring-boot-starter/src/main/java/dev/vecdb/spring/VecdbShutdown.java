package dev.vecdb.spring;

import dev.vecdb.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Closes the database when the application context is destroyed. Destroy callbacks run after every lifecycle bean
 * stopped (the web server has drained its requests by then), and this bean depends on the database, so it runs
 * before the database itself would be released.
 */
public class VecdbShutdown implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(VecdbShutdown.class);

  private final Database database;
  private final boolean flush;

  /**
   * @param database the database to close
   * @param flush whether to flush before closing
   */
  public VecdbShutdown(Database database, boolean flush) {
    this.database = database;
    this.flush = flush;
  }

  @Override
  public void destroy() {
    if (!database.isOpen()) {
      return;
    }
    if (flush) {
      log.info("Flushing and closing vecdb database {}", database.path());
      database.flushAndClose();
    } else {
      log.info("Closing vecdb database {} without flushing", database.path());
      database.close();
    }
  }
}

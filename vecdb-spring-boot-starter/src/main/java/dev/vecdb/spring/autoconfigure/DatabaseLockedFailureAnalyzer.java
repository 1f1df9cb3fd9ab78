package dev.vecdb.spring.autoconfigure;

import dev.vecdb.DatabaseLockedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a database directory that another open database holds (a second instance of the application, or a second
 * application context in the same JVM, on the same {@code vecdb.path}). Stateless, thread-safe.
 */
final class DatabaseLockedFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseLockedException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DatabaseLockedException cause) {
    return new FailureAnalysis("The vecdb database could not be opened because another open database holds its "
        + "directory: " + cause.getMessage() + ". A vecdb directory is used by one process, and one open database, "
        + "at a time.",
        "Stop the other instance of the application that uses this directory, or set vecdb.path to another "
            + "directory. Tests that start several application contexts can set vecdb.temporary-directory=true "
            + "to give each context its own directory.", cause);
  }
}

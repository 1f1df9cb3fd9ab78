package dev.vecdb.spring.autoconfigure;

import dev.vecdb.CorruptionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports stored data that failed a check when the database or a declared vector opened. vecdb never serves such
 * data, so the application cannot start on it. Stateless, thread-safe.
 */
final class CorruptionFailureAnalyzer extends AbstractFailureAnalyzer<CorruptionException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CorruptionException cause) {
    return new FailureAnalysis("The vecdb database holds damaged data: " + cause.getMessage()
        + ". vecdb does not serve data that fails its checks.",
        "Restore the database directory (vecdb.path) from a backup, or move it aside to start with an empty "
            + "database. Keep the damaged copy if you want to report or inspect it.", cause);
  }
}

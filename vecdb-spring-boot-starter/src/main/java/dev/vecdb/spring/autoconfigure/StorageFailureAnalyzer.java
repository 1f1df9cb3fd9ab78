package dev.vecdb.spring.autoconfigure;

import dev.vecdb.StorageException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a file-system failure while the database opened (an unreadable or special file in {@code vecdb.path}, a
 * full disk, an I/O error). Stateless, thread-safe.
 */
final class StorageFailureAnalyzer extends AbstractFailureAnalyzer<StorageException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StorageException cause) {
    Throwable io = cause.getCause();
    return new FailureAnalysis("The vecdb database could not use its files: " + cause.getMessage()
        + (io != null ? " (" + io + ")" : "") + ".",
        "Check that vecdb.path names a directory on a local, writable file system with free space, holding only "
            + "files vecdb created, and that the application's user may read and write them.", cause);
  }
}

package dev.vecdb.store;

import dev.vecdb.AlreadyExistsException;
import dev.vecdb.DatabaseLockedException;
import dev.vecdb.StorageException;
import dev.vecdb.internal.Exceptions;
import java.nio.file.Path;

/**
 * Builds the exceptions only the region store throws (a region that already exists, a locked database directory, a
 * failed file operation), formatted by {@link Exceptions#format} (as H2's {@code DataUtils} does for MVStore); the
 * kinds every package throws are built by {@link Exceptions} itself.
 *
 * <p>Error paths only: the arguments are boxed. Stateless and thread-safe.
 */
final class StoreErrors {
  private StoreErrors() {}

  /** An {@link AlreadyExistsException} with the formatted message. */
  static AlreadyExistsException alreadyExists(String template, Object... args) {
    return new AlreadyExistsException(Exceptions.format(template, args));
  }

  /** A {@link DatabaseLockedException}: the database in {@code dir} is open in this or another process. */
  static DatabaseLockedException alreadyOpen(Path dir) {
    return new DatabaseLockedException(
        Exceptions.format("database %s is already open (by this or another process)", dir));
  }

  /** A {@link StorageException} with the formatted message and its cause. */
  static StorageException storage(Throwable cause, String template, Object... args) {
    return new StorageException(Exceptions.format(template, args), cause);
  }
}

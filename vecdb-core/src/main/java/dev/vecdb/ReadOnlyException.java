package dev.vecdb;

/**
 * A change was attempted on a database opened read-only (a follower, see {@link DatabaseOptions#readOnly()}): the
 * message names the vector or region and the database. Only the follower's replication applier (a {@link Replica})
 * changes such a database.
 */
public class ReadOnlyException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was refused, naming the vector or region and the database
   */
  public ReadOnlyException(String message) {
    super(message);
  }
}

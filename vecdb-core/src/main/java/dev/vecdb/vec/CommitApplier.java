package dev.vecdb.vec;

import dev.vecdb.Database;
import java.util.List;

/**
 * Applies a commit's change records to a follower database through its vectors: the instances the application has
 * open receive the changes (their readers see them as the leader's readers saw them), and vectors it has not opened
 * are changed through an untyped instance. Internal: used by {@link dev.vecdb.Replica}.
 */
public final class CommitApplier {
  private final List<ChangeRecord> records;

  private CommitApplier(List<ChangeRecord> records) {
    this.records = records;
  }

  /**
   * Checks and decodes the payload of commit {@code number} completely, before anything is applied.
   *
   * @throws dev.vecdb.CorruptionException if the payload fails its checksum or does not decode
   */
  public static CommitApplier decode(byte[] payload, long number, Database database) {
    return new CommitApplier(CommitCodec.decode(payload, number, "commit " + number + " for database "
        + database.path()));
  }

  /** The number of records. */
  public int size() {
    return records.size();
  }

  /** Applies the records in order; the caller holds the right to write and flushes afterwards. */
  public void applyTo(Database database) {
    if (!records.isEmpty()) {
      throw new UnsupportedOperationException("not yet");
    }
  }
}

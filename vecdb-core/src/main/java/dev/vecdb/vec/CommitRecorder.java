package dev.vecdb.vec;

import dev.vecdb.internal.CommitLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the change records of a database with a commit log between two commits and hands them to the flush that
 * commits them ({@link CommitLog.Records}). A vector's write encodes its record while it still holds its pending
 * changes and appends it once the write succeeded, inside the write's atomic group: a flush (which excludes atomic
 * groups) takes either the write and its record or neither. Internal; thread-safe (writes of different vectors may
 * append from different threads).
 */
final class CommitRecorder implements CommitLog.Records {
  private List<RecordOutput> records = new ArrayList<>();

  /** Appends one encoded record (see {@link CommitCodec}). */
  synchronized void append(RecordOutput record) {
    records.add(record);
  }

  @Override
  public synchronized byte[] take(long number) {
    byte[] payload = CommitCodec.frame(number, records);
    records = new ArrayList<>();
    return payload;
  }
}

package dev.vecdb.spring.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vecdb.spring.TakenSnapshot;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot as the {@code vecdbsnapshot} endpoint reports it: the database's snapshot report when one was written,
 * else only {@code taken = false} and the {@code error}; absent fields are left out of the JSON. Immutable.
 *
 * @param taken whether the snapshot was written
 * @param target the directory of the copy
 * @param commitNumber the commit the copy holds
 * @param copiedBytes data bytes written to the copy (all-zero blocks and unused space are left as file holes)
 * @param startedAt when the snapshot started
 * @param durationMillis how long it took, in milliseconds
 * @param error why no snapshot was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotResult(boolean taken, @Nullable String target, @Nullable Long commitNumber,
    @Nullable Long copiedBytes, @Nullable Instant startedAt, @Nullable Long durationMillis, @Nullable String error) {

  /** The answer for a snapshot that was written. */
  public static SnapshotResult of(TakenSnapshot snapshot) {
    return new SnapshotResult(true, snapshot.report().target().toString(), snapshot.report().commitNumber(),
        snapshot.report().copiedBytes(), snapshot.startedAt(), snapshot.duration().toMillis(), null);
  }

  /** The answer for a snapshot that was not written, and why. */
  public static SnapshotResult failed(String error) {
    return new SnapshotResult(false, null, null, null, null, null, error);
  }
}

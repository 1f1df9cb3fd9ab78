package dev.vecdb.spring.actuate;

import dev.vecdb.AlreadyExistsException;
import dev.vecdb.VecdbException;
import dev.vecdb.spring.VecdbSnapshots;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code vecdbsnapshot} actuator endpoint: hot snapshots of the database. Read (the default access,
 * {@code GET /actuator/vecdbsnapshot}): whether snapshots are enabled, where they go and the last one written.
 * Write (needs {@code management.endpoint.vecdbsnapshot.access=unrestricted}, and writes only with
 * {@code vecdb.endpoint.snapshot-enabled=true}): {@code POST /actuator/vecdbsnapshot}, with an optional JSON body
 * {@code {"name": "..."}}, writes a consistent copy of the last completed commit into
 * {@code vecdb.endpoint.snapshot-directory/name} while the application keeps writing, and answers the snapshot
 * report (200). Otherwise: disabled 403, an invalid name 400, an existing non-empty target 409, a failed copy 500
 * (its files are deleted); the body says why.
 *
 * <p>A snapshot opens as a normal database, and is what a new follower of a replicated database starts from.
 *
 * <p>Threads: operations run on request threads; the database takes one snapshot at a time while its writers keep
 * writing and flushing.
 */
@Endpoint(id = "vecdbsnapshot", defaultAccess = Access.READ_ONLY)
public class VecdbSnapshotEndpoint {
  /** HTTP status of a snapshot that is disabled. */
  static final int STATUS_FORBIDDEN = 403;
  /** HTTP status of a snapshot whose target exists. */
  static final int STATUS_CONFLICT = 409;

  private final @Nullable VecdbSnapshots snapshots;

  /**
   * @param snapshots takes the snapshots; null when {@code vecdb.endpoint.snapshot-enabled} is false
   */
  public VecdbSnapshotEndpoint(@Nullable VecdbSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  /** Whether snapshots are enabled, their directory and the last snapshot taken. */
  @ReadOperation
  public SnapshotStatus status() {
    if (snapshots == null) {
      return new SnapshotStatus(false, null, null);
    }
    return new SnapshotStatus(true, snapshots.directory().toString(),
        snapshots.last().map(SnapshotResult::of).orElse(null));
  }

  /**
   * Writes a snapshot named {@code name} (or after the current time), if {@code vecdb.endpoint.snapshot-enabled};
   * otherwise answers why nothing was written.
   *
   * @throws InvalidEndpointRequestException (400) when {@code name} is not a valid snapshot name
   */
  @WriteOperation
  public WebEndpointResponse<SnapshotResult> snapshot(@Nullable String name) {
    if (snapshots == null) {
      return new WebEndpointResponse<>(SnapshotResult.failed("snapshots through the endpoint are disabled; set "
          + "vecdb.endpoint.snapshot-enabled=true and vecdb.endpoint.snapshot-directory to allow them"),
          STATUS_FORBIDDEN);
    }
    try {
      return new WebEndpointResponse<>(SnapshotResult.of(snapshots.take(name)));
    } catch (IllegalArgumentException e) {
      throw new InvalidEndpointRequestException(e.getMessage(), "invalid snapshot name");
    } catch (AlreadyExistsException e) {
      return new WebEndpointResponse<>(SnapshotResult.failed(e.getMessage()), STATUS_CONFLICT);
    } catch (VecdbException e) {
      return new WebEndpointResponse<>(SnapshotResult.failed(e.getMessage()),
          WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR);
    }
  }
}

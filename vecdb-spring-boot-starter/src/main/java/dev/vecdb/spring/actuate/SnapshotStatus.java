package dev.vecdb.spring.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code vecdbsnapshot} endpoint's read operation reports; absent fields are left out of the JSON.
 * Immutable.
 *
 * @param enabled whether the endpoint's snapshot operation writes snapshots ({@code vecdb.endpoint.snapshot-enabled})
 * @param directory where snapshots are written, when enabled
 * @param last the last snapshot the application wrote since it started, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotStatus(boolean enabled, @Nullable String directory, @Nullable SnapshotResult last) {}

package dev.vecdb.spring;

import dev.vecdb.store.SnapshotReport;
import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot that {@link VecdbSnapshots} wrote. Immutable, thread-safe.
 *
 * @param report what the database wrote: the copy's directory, its commit number and the data bytes copied
 * @param startedAt when the snapshot started
 * @param duration how long it took
 */
public record TakenSnapshot(SnapshotReport report, Instant startedAt, Duration duration) {}

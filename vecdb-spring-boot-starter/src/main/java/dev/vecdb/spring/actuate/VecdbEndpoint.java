package dev.vecdb.spring.actuate;

import dev.vecdb.Database;
import dev.vecdb.VecDbException;
import dev.vecdb.spring.EndpointProperties;
import dev.vecdb.spring.FlushFailure;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.VecdbStats;
import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.store.FlushReport;
import dev.vecdb.vec.StoredVec;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code vecdb} actuator endpoint. Read (the default access): the database summary ({@code GET /actuator/vecdb})
 * and one declared vector with an optional value range ({@code GET /actuator/vecdb/{name}?from=&to=}, at most
 * {@code vecdb.endpoint.max-values} values). Write (needs {@code management.endpoint.vecdb.access=unrestricted}):
 * flush ({@code POST /actuator/vecdb}) and rollback of a vector ({@code POST /actuator/vecdb/{name}}), the latter
 * only with {@code vecdb.endpoint.rollback-enabled=true}.
 *
 * <p>Threads: operations run on request threads. Values are read through readers, which see written data only and
 * never conflict with a vector's writer; flush commits what vectors have written.
 */
@Endpoint(id = "vecdb", defaultAccess = Access.READ_ONLY)
public class VecdbEndpoint {
  private final VecdbVectors vectors;
  private final VecdbFlusher flusher;
  private final VectorRollback rollback;
  private final EndpointProperties settings;

  /**
   * @param vectors the declared vectors and their database
   * @param flusher flushes the database and knows the last flush
   * @param rollback rolls a vector back
   * @param settings range cap and whether rollback is enabled
   */
  public VecdbEndpoint(VecdbVectors vectors, VecdbFlusher flusher, VectorRollback rollback,
      EndpointProperties settings) {
    this.vectors = vectors;
    this.flusher = flusher;
    this.rollback = rollback;
    this.settings = settings;
  }

  /** The database summary and every declared vector. */
  @ReadOperation
  public DatabaseSummary database() {
    Database database = vectors.database();
    Optional<FlushFailure> failure = flusher.lastFailure();
    String error = failure.map(f -> f.cause().toString()).orElse(null);
    if (!database.isOpen()) {
      return new DatabaseSummary(database.path().toString(), false, null, null,
          flusher.lastSuccess().orElse(null), error, List.of());
    }
    return new DatabaseSummary(database.path().toString(), true, database.regions().fileLength(),
        VecdbStats.diskUsageBytes(database),
        flusher.lastSuccess().orElse(null), error, vectors.all().stream().map(VectorSummary::of).toList());
  }

  /**
   * Vector {@code name}, with the written values of {@code [from, to)} when either bound is given (a missing bound
   * is {@code max-values} away from the other); null (404) when no such vector is declared or the database is
   * closed.
   */
  @ReadOperation
  public @Nullable VectorDetails vector(@Selector String name, @Nullable Long from, @Nullable Long to) {
    Optional<StoredVec> found = vectors.find(name).filter(v -> vectors.database().isOpen());
    if (found.isEmpty()) {
      return null;
    }
    StoredVec vector = found.get();
    VectorSummary summary = VectorSummary.of(vector);
    if (from == null && to == null) {
      return new VectorDetails(summary, null, null, false, null);
    }
    long max = settings.getMaxValues();
    long length = summary.length();
    long start = clamp(from != null ? from : to - max, length);
    long askedEnd = Math.max(start, clamp(to != null ? to : start + max, length));
    long end = Math.min(askedEnd, start + max);
    return new VectorDetails(summary, start, end, end < askedEnd, VectorValues.read(vector, start, end));
  }

  /** Flushes the database: commits what the vectors have written. */
  @WriteOperation
  public FlushResult flush() {
    try {
      FlushReport report = flusher.flush();
      return new FlushResult(true, report.regions(), report.bytes(), null);
    } catch (VecDbException e) {
      return new FlushResult(false, 0, 0, e.getMessage());
    }
  }

  /**
   * Rolls vector {@code name} back to before its latest stamped write, if {@code vecdb.endpoint.rollback-enabled};
   * otherwise, or for an undeclared vector, answers why nothing happened.
   */
  @WriteOperation
  public RollbackResult rollback(@Selector String name) {
    Optional<StoredVec> vector = vectors.find(name);
    if (vector.isEmpty()) {
      return new RollbackResult(name, false, "no vector '" + name + "' is declared in vecdb.vectors");
    }
    if (!settings.isRollbackEnabled()) {
      return new RollbackResult(name, false,
          "rollback through the endpoint is disabled; set vecdb.endpoint.rollback-enabled=true to allow it");
    }
    return rollback.rollback(vector.get());
  }

  private static long clamp(long index, long length) {
    return Math.min(Math.max(index, 0), length);
  }
}

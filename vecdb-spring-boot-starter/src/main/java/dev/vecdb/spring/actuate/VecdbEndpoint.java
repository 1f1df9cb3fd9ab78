package dev.vecdb.spring.actuate;

import dev.vecdb.Database;
import dev.vecdb.VecdbException;
import dev.vecdb.spring.FlushFailure;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.VecdbStats;
import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.spring.VectorDeclaration;
import dev.vecdb.store.FlushReport;
import dev.vecdb.vec.StoredVec;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code vecdb} actuator endpoint. Read (the default access): the database summary ({@code GET /actuator/vecdb})
 * and one declared vector with an optional value range ({@code GET /actuator/vecdb/{name}?from=&to=}, at most
 * {@code max-values} values). Write (needs {@code management.endpoint.vecdb.access=unrestricted}): flush
 * ({@code POST /actuator/vecdb}) and rollback of a vector ({@code POST /actuator/vecdb/{name}}), the latter only with
 * {@code vecdb.endpoint.rollback-enabled=true}.
 *
 * <p>Ranges follow the vectors' signed rules ({@code collectSigned}): a negative bound counts from the end of the
 * written values, a bound beyond either end is clamped; a range whose start resolves after its end is a bad request
 * (400). An unknown vector is 404, for reads and rollbacks.
 *
 * <p>Threads: operations run on request threads. Values are read through readers, which see written data only and
 * never conflict with a vector's writer; flush commits what vectors have written.
 */
@Endpoint(id = "vecdb", defaultAccess = Access.READ_ONLY)
public class VecdbEndpoint {
  private final VecdbVectors vectors;
  private final VecdbFlusher flusher;
  private final VectorRollback rollback;
  private final int maxValues;
  private final boolean rollbackEnabled;

  /**
   * @param vectors the declared vectors and their database
   * @param flusher flushes the database and knows the last flush
   * @param rollback rolls a vector back
   * @param maxValues most values one read returns; positive
   * @param rollbackEnabled whether the rollback operation may roll vectors back
   */
  public VecdbEndpoint(VecdbVectors vectors, VecdbFlusher flusher, VectorRollback rollback, int maxValues,
      boolean rollbackEnabled) {
    this.vectors = vectors;
    this.flusher = flusher;
    this.rollback = rollback;
    this.maxValues = maxValues;
    this.rollbackEnabled = rollbackEnabled;
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
    return new DatabaseSummary(database.path().toString(), true, database.fileLength(),
        VecdbStats.diskUsageBytes(database), flusher.lastSuccess().orElse(null), error,
        vectors.declarations().stream().map(this::summary).toList());
  }

  /**
   * Vector {@code name}, with the written values of {@code [from, to)} when either bound is given (a missing bound
   * is {@code max-values} away from the other); null (404) when no such vector is declared or the database is
   * closed.
   *
   * @throws InvalidEndpointRequestException (400) when {@code from} resolves after {@code to}
   */
  @ReadOperation
  public @Nullable VectorDetails vector(@Selector String name, @Nullable Long from, @Nullable Long to) {
    Optional<VectorDeclaration> declaration = vectors.declaration(name).filter(d -> vectors.database().isOpen());
    if (declaration.isEmpty()) {
      return null;
    }
    StoredVec vector = vectors.find(name).orElseThrow();
    VectorSummary summary = summary(declaration.get());
    if (from == null && to == null) {
      return new VectorDetails(summary, null, null, false, null);
    }
    long length = summary.length();
    long start = from != null ? signedBound(from, length) : Math.max(0, signedBound(to, length) - maxValues);
    long end = to != null ? signedBound(to, length) : Math.min(length, start + maxValues);
    if (start > end) {
      throw new InvalidEndpointRequestException("vector '" + name + "': from=" + from + " resolves to " + start
          + ", after to=" + to + " (" + end + "); the vector holds " + length + " written values",
          "from after to");
    }
    long cut = Math.min(end, start + maxValues);
    return new VectorDetails(summary, start, cut, cut < end, VectorValues.read(vector, start, cut));
  }

  /** Flushes the database: commits what the vectors have written. */
  @WriteOperation
  public FlushResult flush() {
    try {
      FlushReport report = flusher.flush();
      return new FlushResult(true, report.regions(), report.bytes(), null);
    } catch (VecdbException e) {
      return new FlushResult(false, 0, 0, e.getMessage());
    }
  }

  /**
   * Rolls vector {@code name} back to before its latest stamped write, if {@code vecdb.endpoint.rollback-enabled};
   * otherwise answers why nothing happened. 404 when no such vector is declared.
   */
  @WriteOperation
  public WebEndpointResponse<RollbackResult> rollback(@Selector String name) {
    Optional<StoredVec> vector = vectors.find(name);
    if (vector.isEmpty()) {
      return new WebEndpointResponse<>(new RollbackResult(name, false,
          "no vector '" + name + "' is declared in vecdb.vectors"), WebEndpointResponse.STATUS_NOT_FOUND);
    }
    if (!rollbackEnabled) {
      return new WebEndpointResponse<>(new RollbackResult(name, false,
          "rollback through the endpoint is disabled; set vecdb.endpoint.rollback-enabled=true to allow it"));
    }
    return new WebEndpointResponse<>(rollback.rollback(vector.get()));
  }

  private VectorSummary summary(VectorDeclaration declaration) {
    return VectorSummary.of(declaration, vectors.find(declaration.name()).orElseThrow());
  }

  /** A signed bound resolved as the vectors' {@code collectSigned} does: negative from the end, clamped. */
  private static long signedBound(long bound, long length) {
    return bound >= 0 ? Math.min(bound, length) : Math.max(0, length + bound);
  }
}

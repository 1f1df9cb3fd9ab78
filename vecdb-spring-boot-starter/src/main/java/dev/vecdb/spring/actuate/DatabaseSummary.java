package dev.vecdb.spring.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code vecdb} endpoint reports about the database. Sizes and vectors are absent once it is closed;
 * absent fields are left out of the JSON. Immutable.
 *
 * @param path the database directory
 * @param open whether the database is open
 * @param fileSize logical length of the data file, in bytes
 * @param diskUsage bytes the database's files occupy on disk (logical size when the allocated size is unknown)
 * @param lastFlush when the last successful flush by the starter ended
 * @param lastFlushError the failure of the last flush by the starter, if none succeeded since
 * @param vectors the declared vectors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatabaseSummary(String path, boolean open, @Nullable Long fileSize, @Nullable Long diskUsage,
    @Nullable Instant lastFlush, @Nullable String lastFlushError, List<VectorSummary> vectors) {}

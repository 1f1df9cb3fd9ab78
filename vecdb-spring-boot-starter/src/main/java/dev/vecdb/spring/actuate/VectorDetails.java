package dev.vecdb.spring.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One vector as the {@code vecdb} endpoint reports it: its summary and, when a range was asked for, the values of
 * {@code [from, to)}: numbers, hex strings (byte arrays) or objects (records), {@code null} at a hole. Absent
 * fields are left out of the JSON. Immutable.
 *
 * @param vector the vector's summary
 * @param from first index of the values returned
 * @param to index after the last value returned
 * @param truncated whether the asked range was cut to {@code vecdb.endpoint.max-values}
 * @param values the values, absent when no range was asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VectorDetails(VectorSummary vector, @Nullable Long from, @Nullable Long to, boolean truncated,
    @Nullable List<@Nullable Object> values) {}

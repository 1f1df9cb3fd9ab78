package dev.vecdb.spring.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer of the endpoint's flush operation; {@code error} is left out of the JSON when the flush succeeded.
 * Immutable.
 *
 * @param flushed whether the flush succeeded
 * @param regions region-table slots written
 * @param bytes data bytes made durable
 * @param error why the flush failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlushResult(boolean flushed, int regions, long bytes, @Nullable String error) {}

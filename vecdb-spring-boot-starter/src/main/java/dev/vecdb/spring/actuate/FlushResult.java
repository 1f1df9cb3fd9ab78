package dev.vecdb.spring.actuate;

import org.jspecify.annotations.Nullable;

/**
 * The answer of the endpoint's flush operation. Immutable.
 *
 * @param flushed whether the flush succeeded
 * @param regions region-table slots written
 * @param bytes data bytes made durable
 * @param error why the flush failed
 */
public record FlushResult(boolean flushed, int regions, long bytes, @Nullable String error) {}

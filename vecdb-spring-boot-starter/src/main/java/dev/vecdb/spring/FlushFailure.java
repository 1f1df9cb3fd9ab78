package dev.vecdb.spring;

import java.time.Instant;

/**
 * A flush that failed: when, and why. Immutable, thread-safe.
 *
 * @param at when the flush failed
 * @param cause the failure
 */
public record FlushFailure(Instant at, RuntimeException cause) {}

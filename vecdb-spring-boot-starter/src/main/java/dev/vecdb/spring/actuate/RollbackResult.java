package dev.vecdb.spring.actuate;

/**
 * The answer of the endpoint's rollback operation. {@code rolledBack} is true only when the vector really was rolled
 * back. Immutable.
 *
 * @param vector the vector's name
 * @param rolledBack whether it was rolled back
 * @param message what happened, or why nothing did
 */
public record RollbackResult(String vector, boolean rolledBack, String message) {}

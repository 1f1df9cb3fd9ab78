/**
 * Computed vectors. Eager vectors ({@link dev.vecdb.compute.EagerLongVec}, {@link dev.vecdb.compute.EagerDoubleVec})
 * store values derived from other vectors and keep them up to date incrementally: see
 * {@link dev.vecdb.compute.EagerVec} for the framework (versions, {@code maxFrom}, resuming, batches, shutdown).
 * Sources are any numeric vector, reader or computed vector, read through {@link dev.vecdb.compute.ComputeSource}.
 */
package dev.vecdb.compute;

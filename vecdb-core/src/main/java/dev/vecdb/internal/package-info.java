/**
 * The engine's internal access paths between its own packages; not exported by the {@code dev.vecdb.core} module
 * and not an API. {@link dev.vecdb.internal.VecAccess} reaches the package-private plumbing of
 * {@code dev.vecdb.vec} from {@link dev.vecdb.Database} and {@code dev.vecdb.compute}.
 */
package dev.vecdb.internal;

/**
 * The engine's internal access paths between its own packages; not exported by the {@code dev.vecdb.core} module
 * and not an API. {@link dev.vecdb.internal.VecAccess} reaches the package-private plumbing of
 * {@code dev.vecdb.vec} from {@link dev.vecdb.Database} and {@code dev.vecdb.compute}, {@link
 * dev.vecdb.internal.StoreAccess} that of {@code dev.vecdb.store} (the commit log), and
 * {@link dev.vecdb.internal.CommitLog} is the outbox as those packages use it.
 */
package dev.vecdb.internal;

/**
 * The engine's internal access paths between its own packages; not exported by the {@code dev.vecdb.core} module
 * and not an API. {@link dev.vecdb.internal.VecAccess} reaches the package-private plumbing of
 * {@code dev.vecdb.vec} from {@link dev.vecdb.Database} and {@code dev.vecdb.compute}, {@link
 * dev.vecdb.internal.StoreAccess} that of {@code dev.vecdb.store} (the commit log), and
 * {@link dev.vecdb.internal.CommitLog} is the outbox as those packages use it. {@link dev.vecdb.internal.Exceptions}
 * builds the exceptions (and formats the messages) that several packages throw; each package's own package-private
 * factory builds the ones only it throws.
 */
package dev.vecdb.internal;

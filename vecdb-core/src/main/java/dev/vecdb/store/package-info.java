/**
 * The region store: named, growable byte regions in one sparse data file, with an undo journal that makes every
 * flush atomic and crash-safe. The Java counterpart of Rust's rawdb; see {@link dev.vecdb.store.RegionStore}.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link dev.vecdb.store.RegionStore}: the model (durability, threads and locks), the region operations,
 *   {@code flush} (the commit), {@code snapshot} and {@code compact}; {@code StoreFailure} is its failed state.</li>
 *   <li>{@link dev.vecdb.store.Region} (a region's writes, each journaled before it overwrites durable bytes) and
 *   {@link dev.vecdb.store.RegionReader} (a view of a region that keeps its space from being reused).</li>
 *   <li>Opening: {@code DirectoryLock} (the directory, the OS lock on the region table, one open per JVM, whether
 *   the open creates the database), then {@code StoreRecovery} (the journal replayed, the table loaded and
 *   checked).</li>
 *   <li>Files: {@code DataFile} (the mapped sparse data file), {@code RegionTable} (the {@code regions} file),
 *   {@code Journal} (the undo journal), {@code FileIo} (every file operation, replaced in fault-injection tests),
 *   {@code NativeFiles} (hole punching and allocated sizes through FFM).</li>
 *   <li>Space: {@code SpaceLayout} (holes, best fit, space freed only after the next flush), {@code RegionSlots}
 *   (slot owners and the dirty slots the next flush writes), {@code Compaction} (the space {@code compact}
 *   punches).</li>
 *   <li>Commit: {@code TableCommit} (the journaled write of the changed slots), {@code CommitStaging} (what a flush
 *   commits besides the regions: the number of the durable {@code CommitSequence} and the entry of the commit log's
 *   {@code CommitOutbox}), {@link dev.vecdb.store.StoreWriter} (a follower's one writer).</li>
 *   <li>{@code Snapshot}: the consistent copy of the last commit, taken while writers keep writing and flushing.</li>
 * </ol>
 *
 * <p>Threads: everything is thread-safe; see {@link dev.vecdb.store.RegionStore}.
 */
package dev.vecdb.store;

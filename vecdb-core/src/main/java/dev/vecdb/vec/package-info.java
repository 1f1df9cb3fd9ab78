/**
 * Stored vectors: dense, index-addressed series of fixed-size values, each kept in regions of the database's
 * {@link dev.vecdb.store.RegionStore}. Raw formats store the values as they are; the paged formats store full pages
 * compressed by a {@code dev.vecdb.compress} codec, with a checksummed page table.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link dev.vecdb.vec.StoredVec}: the model every vector shares ({@code len = storedLen + pushed}, holes,
 *   updates, {@code write}/{@code flush}, stamps and rollback, the one-writer rule).</li>
 *   <li>The typed vectors: {@link dev.vecdb.vec.LongVec} (and its generated siblings {@code IntVec},
 *   {@code ShortVec}, {@code ByteVec}, {@code DoubleVec}, {@code FloatVec}, from {@code src/main/templates}) and
 *   {@link dev.vecdb.vec.ObjVec} for records and byte arrays; {@link dev.vecdb.vec.LongReadable} is what their
 *   readers share.</li>
 *   <li>Reading from other threads: {@link dev.vecdb.vec.LongReader} (a lock-free view of written data),
 *   {@link dev.vecdb.vec.LongSnapshot} (one state for a multi-value read), {@link dev.vecdb.vec.LongCursor}.</li>
 *   <li>Storage: {@code Header} (the vector's fixed header), {@code HoleSet}, {@code UpdateMap} and
 *   {@code PushChunks} (pending changes), {@code Paging}, {@code PageTable} and {@code PageRewrite} (the paged
 *   formats), {@code Lineage} (what a raw reader reads while the writer overwrites).</li>
 *   <li>Change sets: {@code ChangeTracker} records what undoes the changes since the last stamp, {@code Delta} is
 *   one change set, {@code ChangeLog} and {@code Baseline} store them in regions.</li>
 *   <li>Commit log (a database opened with one): {@code CommitRecorder} collects what every write, creation and
 *   removal changed ({@code WriteRecord}, {@code CreateRecord}, {@code RemoveRecord}, framed by
 *   {@code CommitCodec}) for the store's outbox; on a follower {@code CommitApplier} applies a commit's records
 *   through the open vectors, or an untyped {@code ReplayVec}.</li>
 *   <li>{@link dev.vecdb.vec.VecRegistry}: the vectors open in one database, the narrow handle (the region store)
 *   vectors are opened through; internal, reached only through {@link dev.vecdb.Database}.</li>
 * </ol>
 *
 * <p>Threads: one writer per vector, any number of readers; see {@link dev.vecdb.vec.StoredVec}.
 */
package dev.vecdb.vec;

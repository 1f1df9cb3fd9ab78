package dev.vecdb.store;

import java.nio.file.Path;

/**
 * What a {@link RegionStore#snapshot(Path)} wrote.
 *
 * @param target the directory of the copy
 * @param commitNumber the commit the copy holds (see {@link RegionStore#commitNumber()})
 * @param copiedBytes data bytes written to the copy (all-zero blocks and unused space are left as file holes)
 */
public record SnapshotReport(Path target, long commitNumber, long copiedBytes) {}

package dev.vecdb.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The region table's part of one {@link RegionStore#flush()}: the new images of the slots that changed since the last
 * flush, captured from the store's slot owners, and their undo-journaled write into the {@code regions} file.
 *
 * <p>Invariants: the durable image of every slot it writes, and the table header, are in the journal and synced
 * before the first byte of the table is overwritten, and the table is forced before {@link #write} returns; the
 * store empties the journal only after that, so a crash anywhere in between reopens at the previous flush. The header
 * (slot count, live slot count, the store's own regions included) is rewritten only when a slot changed.
 *
 * <p>Threads: captured under the store's monitor (which guards its slot owners) and written by the flushing thread
 * while it holds the store's commit lock for writing, so no region changes in between. One use.
 */
final class TableCommit {
  private final int[] dirty;
  private final ByteBuffer[] images;
  private final int slotCount;
  private final int liveSlots;

  private TableCommit(int[] dirty, ByteBuffer[] images, int slotCount, int liveSlots) {
    this.dirty = dirty;
    this.images = images;
    this.slotCount = slotCount;
    this.liveSlots = liveSlots;
  }

  /**
   * Encodes the slots {@code dirty} of {@code slots} (a slot without owner is a free one). The caller holds the
   * store's monitor.
   *
   * @param liveSlots the number of regions, the store's own included
   */
  static TableCommit capture(int[] dirty, RegionSlots slots, int liveSlots) {
    ByteBuffer[] images = new ByteBuffer[dirty.length];
    for (int i = 0; i < dirty.length; i++) {
      Region owner = slots.owner(dirty[i]);
      images[i] = owner == null ? RegionTable.freeImage()
          : RegionTable.encode(owner.id(), owner.start(), owner.length(), owner.reserved());
    }
    return new TableCommit(dirty, images, slots.size(), liveSlots);
  }

  /** Journals the durable images of the changed slots and the header, syncs the journal, then writes and forces. */
  void write(Journal journal, RegionTable table) throws IOException {
    for (int slot : dirty) {
      journal.appendUnsynced(Journal.TABLE, RegionTable.offset(slot), MemorySegment.ofBuffer(table.readSlot(slot)));
    }
    if (dirty.length > 0) {
      journal.appendUnsynced(Journal.TABLE, 0, MemorySegment.ofBuffer(table.readHeader()));
    }
    journal.sync();
    for (int i = 0; i < dirty.length; i++) {
      table.writeSlot(dirty[i], images[i]);
    }
    if (dirty.length > 0) {
      table.writeHeader(slotCount, liveSlots);
    }
    table.force();
  }
}

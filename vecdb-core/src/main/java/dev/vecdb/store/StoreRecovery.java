package dev.vecdb.store;

import dev.vecdb.internal.Exceptions;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The second step of opening a {@link RegionStore}, after its {@link DirectoryLock}: brings its files back to the
 * last completed flush ({@link #replayJournal}) and reads the region table into the store's in-memory directory
 * ({@link #load}).
 *
 * <p>Invariants: a journal is applied only once all of it has been read and checked, so a damaged journal applies
 * nothing; it is emptied only after the restored bytes are durable, so a crash during recovery recovers again at the
 * next open. A table is loaded only if every region lies inside the data file, and no two regions share an id, a
 * start or any reserved byte; otherwise the open fails with a {@link dev.vecdb.CorruptionException}.
 *
 * <p>Threads: called once, by the opening thread, from the store's constructor, before the store is published.
 */
final class StoreRecovery {
  private StoreRecovery() {}

  /** Applies the journal, newest record first, once all of it has been read and checked (see the class comment). */
  static void replayJournal(Journal journal, DataFile data, RegionTable table) throws IOException {
    if (journal.isEmpty()) {
      return;
    }
    List<Journal.Record> records = journal.read();
    for (Journal.Record r : records) {
      if (r.target() == Journal.TABLE && r.length() > RegionTable.SLOT_SIZE) {
        throw Exceptions.corruption("journal %s: table record at offset %s restores %s bytes, more than one %s-byte"
            + " slot", journal.path(), (r.payload() - Journal.HEADER), r.length(), RegionTable.SLOT_SIZE);
      }
    }
    for (int i = records.size() - 1; i >= 0; i--) {
      Journal.Record r = records.get(i);
      if (r.target() == Journal.DATA) {
        journal.readPayload(r, (position, bytes) -> data.write(position, MemorySegment.ofBuffer(bytes)));
      } else {
        byte[] slot = new byte[(int) r.length()];
        journal.readPayload(r, (position, bytes) -> bytes.get(slot, (int) (position - r.offset()), bytes.remaining()));
        table.restore(r.offset(), slot);
      }
    }
    if (!records.isEmpty()) {
      data.force();
      table.force();
    }
    journal.clear();
  }

  /**
   * Reads every slot of {@code table} into {@code slots}, the public
   * regions into {@code regions} and the store's own ({@link RegionIds#isInternal}) into {@code internal}, and marks
   * their space taken in {@code layout}, the gaps between them free.
   */
  static void load(RegionStore store, RegionTable table, DataFile data, SpaceLayout layout, RegionSlots slots,
      Map<String, Region> regions, Map<String, Region> internal) throws IOException {
    List<RegionTable.Slot> loaded = table.readAll();
    slots.addDurable(table.slotsRead());
    long fileLength = data.length();
    TreeSet<Long> starts = new TreeSet<>();
    for (RegionTable.Slot s : loaded) {
      if (s.start() + s.length() > fileLength) {
        throw Exceptions.corruption("%s ends at %s, past the end of the %s-byte data file", where(table, s),
            (s.start() + s.length()), fileLength);
      }
      Map<String, Region> namespace = RegionIds.isInternal(s.id()) ? internal : regions;
      Region previous = namespace.get(s.id());
      if (previous != null) {
        throw Exceptions.corruption("%s repeats the id of slot %s", where(table, s), previous.slot());
      }
      if (!starts.add(s.start())) {
        throw Exceptions.corruption("%s starts at %s like another region", where(table, s), s.start());
      }
      Region region = new Region(store, s.index(), s.id(),
          new Region.Extent(s.start(), s.length(), s.reserved(), store.view(s.start(), s.length())), true);
      slots.loadOwner(s.index(), region);
      namespace.put(s.id(), region);
      layout.addRegion(s.start(), s.reserved());
    }
    checkOverlaps(table, loaded);
    layout.fillGaps();
  }

  /** Names slot {@code s} and its region in an error message. */
  private static String where(RegionTable table, RegionTable.Slot s) {
    return "region table " + table.path() + ": slot " + s.index() + " (region '" + s.id() + "')";
  }

  private static void checkOverlaps(RegionTable table, List<RegionTable.Slot> loaded) {
    List<RegionTable.Slot> sorted = new ArrayList<>(loaded);
    sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
    for (int i = 1; i < sorted.size(); i++) {
      RegionTable.Slot a = sorted.get(i - 1);
      RegionTable.Slot b = sorted.get(i);
      if (a.start() + a.reserved() > b.start()) {
        throw Exceptions.corruption("region table %s: region '%s' (slot %s) overlaps region '%s' (slot %s)",
            table.path(), a.id(), a.index(), b.id(), b.index());
      }
    }
  }
}

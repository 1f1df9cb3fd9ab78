package dev.vecdb.store;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The slots of a {@link RegionStore}'s region table as the store sees them between flushes: which region owns each
 * slot (none: a free slot) and which slots' durable image differs from their owner (dirty), the set the next flush
 * writes through a {@link TableCommit}.
 *
 * <p>Invariants: a slot changes owner, and a region's id or extent changes, only together with its slot marked
 * dirty; a slot is clean again only once a flush made its image durable. A new region takes the lowest free slot;
 * slots are never removed, so a region's slot index is stable for its lifetime.
 *
 * <p>Threads: not thread-safe on its own; guarded by the owning store's monitor, which every caller holds (the store
 * loads it from its constructor, before it is published).
 */
final class RegionSlots {
  /** Slot owners; a null entry is a free slot. */
  private final List<Region> owners = new ArrayList<>();
  /** Slots whose durable image differs from their owner. */
  private final BitSet dirty = new BitSet();

  /** Appends {@code count} free slots that are durable as they are (the loaded table's). */
  void addDurable(int count) {
    for (int i = 0; i < count; i++) {
      owners.add(null);
    }
  }

  /** Records {@code region} as the durable owner of {@code slot} (a loaded table's slot). */
  void loadOwner(int slot, Region region) {
    owners.set(slot, region);
  }

  /** Grows the table to at least {@code count} slots; the new free slots are dirty (the next flush writes them). */
  void reserve(int count) {
    while (owners.size() < count) {
      owners.add(null);
      dirty.set(owners.size() - 1);
    }
  }

  /** The lowest free slot index, appending a slot if none is free. */
  int free() {
    for (int i = 0; i < owners.size(); i++) {
      if (owners.get(i) == null) {
        return i;
      }
    }
    owners.add(null);
    return owners.size() - 1;
  }

  /** Gives {@code slot} to {@code region}. */
  void assign(int slot, Region region) {
    owners.set(slot, region);
    dirty.set(slot);
  }

  /** Frees {@code slot}. */
  void release(int slot) {
    owners.set(slot, null);
    dirty.set(slot);
  }

  /** Marks {@code slot} changed: its owner's id or extent differs from the durable image. */
  void markDirty(int slot) {
    dirty.set(slot);
  }

  /** The owner of {@code slot}, or null for a free slot. */
  Region owner(int slot) {
    return owners.get(slot);
  }

  /** The number of slots, free ones included. */
  int size() {
    return owners.size();
  }

  /** Whether a slot is dirty. */
  boolean hasDirty() {
    return !dirty.isEmpty();
  }

  /** The number of dirty slots. */
  int dirtyCount() {
    return dirty.cardinality();
  }

  /** The dirty slot indices, ascending. */
  int[] dirtySlots() {
    return dirty.stream().toArray();
  }

  /** Marks {@code slots} durable: a flush has written their images. */
  void markDurable(int[] slots) {
    for (int slot : slots) {
      dirty.clear(slot);
    }
  }
}

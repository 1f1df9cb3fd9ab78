package dev.vecdb.vec;

import dev.vecdb.store.Region;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * New values of stored indices, waiting for the next {@code write()}: an open-addressing map (linear probing,
 * backward-shift deletion) from index to a slot in a native segment holding the value bytes. Lookups never allocate
 * or box. Not thread-safe (owned by the vector's writer).
 */
final class UpdateMap {
  private static final long EMPTY = -1;

  private final int valueSize;
  private long[] keys;
  private int[] slots;
  private int size;
  private MemorySegment values = MemorySegment.NULL;
  private int[] freeSlots = new int[0];
  private int freeCount;
  private int slotCount;

  UpdateMap(int valueSize) {
    this.valueSize = valueSize;
    clear();
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The value segment; valid until the next {@link #put}. */
  MemorySegment values() {
    return values;
  }

  /** Byte offset of {@code index}'s value in {@link #values()}, or -1. */
  long offsetOf(long index) {
    if (size == 0) {
      return -1;
    }
    int mask = keys.length - 1;
    for (int i = hash(index) & mask; ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == index) {
        return (long) slots[i] * valueSize;
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** Byte offset where {@code index}'s value is to be written (an existing entry is reused). */
  long put(long index) {
    if ((size + 1) * 2 > keys.length) {
      rehash(keys.length * 2);
    }
    int mask = keys.length - 1;
    int i = hash(index) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == index) {
        return (long) slots[i] * valueSize;
      }
      i = (i + 1) & mask;
    }
    keys[i] = index;
    slots[i] = allocateSlot();
    size++;
    return (long) slots[i] * valueSize;
  }

  /** Removes {@code index}; returns whether it was there. */
  boolean remove(long index) {
    if (size == 0) {
      return false;
    }
    int mask = keys.length - 1;
    int i = hash(index) & mask;
    while (keys[i] != index) {
      if (keys[i] == EMPTY) {
        return false;
      }
      i = (i + 1) & mask;
    }
    releaseSlot(slots[i]);
    size--;
    int gap = i;
    for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
      int home = hash(keys[j]) & mask;
      if (((j - home) & mask) >= ((j - gap) & mask)) {
        keys[gap] = keys[j];
        slots[gap] = slots[j];
        gap = j;
      }
    }
    keys[gap] = EMPTY;
    return true;
  }

  /** Removes every index {@code >= from}. */
  void removeFrom(long from) {
    for (long k : sortedKeys()) {
      if (k >= from) {
        remove(k);
      }
    }
  }

  /**
   * Writes every update into {@code region}, each run of consecutive indices in one positional write, the value of
   * index {@code i} at {@code offset + i * valueSize}; then clears the map.
   */
  void writeTo(Region region, long offset) {
    long[] sorted = sortedKeys();
    int runStart = 0;
    for (int i = 1; i <= sorted.length; i++) {
      if (i == sorted.length || sorted[i] != sorted[i - 1] + 1) {
        int count = i - runStart;
        MemorySegment run = Arena.ofAuto().allocate((long) count * valueSize);
        for (int j = 0; j < count; j++) {
          MemorySegment.copy(values, offsetOf(sorted[runStart + j]), run, (long) j * valueSize, valueSize);
        }
        region.writeAt(offset + sorted[runStart] * valueSize, run);
        runStart = i;
      }
    }
    clear();
  }

  /** Every index, ascending. */
  long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) {
      if (k != EMPTY) {
        out[n++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }

  void clear() {
    keys = new long[16];
    Arrays.fill(keys, EMPTY);
    slots = new int[16];
    size = 0;
    slotCount = 0;
    freeCount = 0;
  }

  private int allocateSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    int slot = slotCount++;
    long needed = (long) slotCount * valueSize;
    if (needed > values.byteSize()) {
      MemorySegment grown = Arena.ofAuto().allocate(Math.max(needed, Math.max(64, values.byteSize() * 2)), 8);
      MemorySegment.copy(values, 0, grown, 0, values.byteSize());
      values = grown;
    }
    return slot;
  }

  private void releaseSlot(int slot) {
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, Math.max(8, freeCount * 2));
    }
    freeSlots[freeCount++] = slot;
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    slots = new int[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = hash(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        slots[i] = oldSlots[j];
      }
    }
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}

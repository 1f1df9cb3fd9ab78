package dev.vecdb.store;

import dev.vecdb.CorruptionException;
import dev.vecdb.internal.CommitLog;
import dev.vecdb.internal.Crc32c;
import dev.vecdb.internal.Exceptions;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The outbox of a store with a commit log: the encoded change records of every commit, kept in the store's internal
 * region {@value #REGION_ID} until the publisher acknowledges them. A flush appends its commit's entry before it
 * commits, as an ordinary region write, so the undo journal makes the entry part of the flush's atomic commit (like
 * {@link CommitSequence}): after a crash the outbox ends exactly with the entry of the last completed commit.
 *
 * <p>Layout (little-endian): a header {@code u64 acknowledged, u64 liveStart, u32 crc32c of those, u32 zero}, then
 * from {@code liveStart} one entry per commit, oldest first: {@code u32 payload length, u64 number, u64 committed-at
 * millis, payload, u32 crc32c} of the entry before the checksum. Entries at or below {@code acknowledged} are dead.
 * Acknowledging changes only memory; the next commit writes the header, and moves the live entries to the front of
 * the region when the dead ones outweigh them (at least {@value #COMPACT_AFTER} bytes, and at most
 * {@value #MAX_MOVE} live bytes to move), so the region stays about as large as what is unacknowledged.
 *
 * <p>Threads: {@link #stage} and {@link #completed} run inside a flush, under the store's commit write lock; the
 * readers ({@link #entries}, {@link #read}) run under its read lock, so a flush never moves an entry under them;
 * {@link #acknowledge} runs anywhere. The in-memory index is guarded by {@code this}.
 *
 * <p>Internal: the store creates it ({@link RegionStore#enableCommitLog}); the database reaches it as a
 * {@link CommitLog} through {@link dev.vecdb.internal.StoreAccess}.
 */
final class CommitOutbox implements CommitLog {
  /** Where the store keeps the outbox. */
  static final String REGION_ID = RegionIds.INTERNAL_PREFIX + "outbox";
  static final int HEADER = 24;
  static final int ENTRY_OVERHEAD = 4 + 8 + 8 + 4;
  static final long COMPACT_AFTER = 1 << 20;
  /** The most live bytes a compaction moves; a larger backlog waits for acknowledgements first. */
  static final long MAX_MOVE = 64 << 20;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private final RegionStore store;
  private final Records records;
  private Region region;
  /** Live entries, oldest first, as the last completed flush left them (less those acknowledged since). */
  private ArrayDeque<Entry> live = new ArrayDeque<>();
  private ArrayDeque<Entry> staged;
  private long acknowledged;
  /** The acknowledged number the region's header holds. */
  private long writtenAcknowledged;
  private long liveStart = HEADER;
  private long stagedLiveStart;
  /** The number of the newest entry ever written (or acknowledged), 0 when none. */
  private long last;

  CommitOutbox(RegionStore store, Region region, Records records) {
    this.store = store;
    this.region = region;
    this.records = records;
    if (region != null) {
      load(region.readAll());
    }
  }

  /** The number of the newest commit recorded (0 when none): the store's commit number, once one was recorded. */
  long last() {
    return last;
  }

  /** Appends the entry of commit {@code number} (inside its flush). */
  void stage(long number) {
    byte[] payload = records.take(number);
    long ack;
    ArrayDeque<Entry> entries;
    synchronized (this) {
      ack = acknowledged;
      entries = new ArrayDeque<>(live);
    }
    if (region == null) {
      region = store.createInternal(REGION_ID);
    }
    long end = region.length();
    long start = entries.isEmpty() ? Math.max(end, HEADER) : entries.peekFirst().offset() - 20;
    long dead = start - HEADER;
    if (dead >= COMPACT_AFTER && dead >= end - start && end - start <= MAX_MOVE) {
      region.truncateAndWrite(HEADER, region.read(start, Math.toIntExact(end - start)));
      ArrayDeque<Entry> moved = new ArrayDeque<>();
      for (Entry e : entries) {
        moved.add(new Entry(e.number(), e.committedAtMillis(), e.offset() - dead, e.length()));
      }
      entries = moved;
      start = HEADER;
    }
    long millis = System.currentTimeMillis();
    long at = Math.max(region.length(), HEADER);
    if (region.length() < HEADER || ack != writtenAcknowledged || start != liveStart) {
      region.writeAt(0, header(ack, start));
    }
    writeEntry(at, number, millis, payload);
    entries.add(new Entry(number, millis, at + 20, payload.length));
    stagedLiveStart = start;
    staged = entries;
    writtenAcknowledged = ack;
  }

  /** The flush that staged an entry completed: its entry is now pending. */
  void completed() {
    synchronized (this) {
      live = staged;
      liveStart = stagedLiveStart;
      last = live.peekLast().number();
      dropAcknowledged();
      staged = null;
      notifyAll();
    }
  }

  @Override
  public void acknowledge(long upTo) {
    synchronized (this) {
      long capped = Math.min(upTo, last);
      if (capped > acknowledged) {
        acknowledged = capped;
        dropAcknowledged();
      }
    }
  }

  @Override
  public synchronized long acknowledged() {
    return acknowledged;
  }

  @Override
  public List<Entry> entries(long after) {
    return store.read(() -> {
      synchronized (this) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : live) {
          if (e.number() > after) {
            out.add(e);
          }
        }
        return out;
      }
    });
  }

  @Override
  public synchronized long awaitAfter(long after, long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    long left = nanos;
    while ((live.isEmpty() || live.peekLast().number() <= after) && left > 0) {
      long millis = Math.max(1, left / 1_000_000);
      wait(millis);
      left = deadline - System.nanoTime();
    }
    return live.isEmpty() || live.peekLast().number() <= after ? 0 : Math.max(1, left);
  }

  @Override
  public byte[] read(Entry entry) {
    return store.read(() -> {
      synchronized (this) {
        Entry first = live.peekFirst();
        if (first == null || entry.number() < first.number()) {
          return null;
        }
      }
      return region.read(entry.offset(), entry.length());
    });
  }

  private void dropAcknowledged() {
    while (!live.isEmpty() && live.peekFirst().number() <= acknowledged) {
      live.removeFirst();
    }
  }

  private static byte[] header(long acknowledged, long liveStart) {
    MemorySegment h = MemorySegment.ofArray(new byte[HEADER]);
    h.set(LONG, 0, acknowledged);
    h.set(LONG, 8, liveStart);
    h.set(INT, 16, crc(h, 0, 16));
    return h.toArray(ValueLayout.JAVA_BYTE);
  }

  /** Writes the entry of commit {@code number} at {@code at}: its prefix, the payload, its checksum. */
  private void writeEntry(long at, long number, long millis, byte[] payload) {
    MemorySegment prefix = MemorySegment.ofArray(new byte[20]);
    prefix.set(INT, 0, payload.length);
    prefix.set(LONG, 4, number);
    prefix.set(LONG, 12, millis);
    CRC32C crc = new CRC32C();
    crc.update(prefix.asByteBuffer());
    crc.update(payload);
    MemorySegment check = MemorySegment.ofArray(new byte[4]);
    check.set(INT, 0, (int) crc.getValue());
    region.writeAt(at, prefix);
    region.writeAt(at + 20, payload);
    region.writeAt(at + 20 + payload.length, check);
  }

  private void load(byte[] bytes) {
    MemorySegment in = MemorySegment.ofArray(bytes);
    if (bytes.length < HEADER || in.get(INT, 16) != crc(in, 0, 16) || in.get(INT, 20) != 0) {
      throw damaged(0, "its " + bytes.length + "-byte header fails its checksum");
    }
    acknowledged = in.get(LONG, 0);
    writtenAcknowledged = acknowledged;
    liveStart = in.get(LONG, 8);
    last = acknowledged;
    if (liveStart < HEADER || liveStart > bytes.length) {
      throw damaged(8, "live entries start at " + liveStart + ", outside the " + bytes.length + "-byte region");
    }
    long previous = Long.MIN_VALUE;
    for (long at = liveStart; at < bytes.length; ) {
      if (at + ENTRY_OVERHEAD > bytes.length) {
        throw damaged(at, "an entry is cut short");
      }
      int length = in.get(INT, at);
      if (length < 0 || at + ENTRY_OVERHEAD + length > bytes.length
          || in.get(INT, at + 20 + length) != crc(in, at, 20 + length)) {
        throw damaged(at, "an entry of " + length + " bytes fails its checksum");
      }
      long number = in.get(LONG, at + 4);
      if (number <= previous) {
        throw damaged(at, "entry " + number + " does not follow entry " + previous);
      }
      if (number > acknowledged) {
        live.add(new Entry(number, in.get(LONG, at + 12), at + 20, length));
      }
      previous = number;
      last = Math.max(last, number);
      at += ENTRY_OVERHEAD + length;
    }
  }

  private CorruptionException damaged(long offset, String what) {
    return Exceptions.corruption("commit outbox (region '%s') of database %s is damaged at offset %s: %s", REGION_ID,
        store.path(), offset, what);
  }

  private static int crc(MemorySegment bytes, long offset, long length) {
    return Crc32c.of(bytes.asSlice(offset, length));
  }
}

package dev.vecdb.vec;

import dev.vecdb.Format;
import dev.vecdb.compress.ZstdPageCodec;
import dev.vecdb.internal.Exceptions;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SortedSet;

/**
 * The record of one vector write: everything the write persisted, taken from the vector's pending state just before
 * it persists it, so that a follower setting the same pending state and persisting it the same way (a plain write, or
 * a stamped write with changes) produces the same values, holes, stamps, change sets and pages.
 *
 * <p>The record describes the transition from the vector's last written state to the new one, not the calls that led
 * there: a rollback or a reset is in it as its result (the truncation point, the values put back as pushed and
 * updated values, the holes, the stamp, the change sets it consumed and the change tracker's new state), so a
 * follower never needs the leader's unwritten state.
 *
 * <p>Body, after the type byte and the name: {@code varint value size, u8 flags, varint stamp, varint computed
 * version, [varint savedStampedChanges], [varint ZSTD compression level], varint stored length (the length truncated to
 * since the last write), varint pushed count, pushed value bytes, varint update count, update indices (delta-coded),
 * update value bytes, varint added-hole count, added holes (delta-coded), varint removed-hole count, removed holes
 * (delta-coded), varint released change-set count, released stamps (delta-coded), [varint length, change tracker
 * state]}. Values are in the vector's own encoding (little-endian, native for ZERO_COPY).
 */
record WriteRecord(String name, int size, int flags, long stamp, int computedVersion, int savedStampedChanges,
    int compressionLevel, long storedLen, MemorySegment pushed, long[] updateIndices, MemorySegment updateValues,
    long[] addedHoles, long[] removedHoles, long[] released, MemorySegment trackerState) implements ChangeRecord {
  static final int TYPE = 3;
  static final int WITH_CHANGES = 1;
  static final int HOLES_DIRTY = 2;
  static final int TRACKS = 4;
  static final int TRACKER_STATE = 8;
  static final int LEVEL = 16;
  private static final int KNOWN = WITH_CHANGES | HOLES_DIRTY | TRACKS | TRACKER_STATE | LEVEL;

  /**
   * Encodes what the write about to run persists (stamped with changes {@code withChangesStamp}, or plain when it is
   * -1), or returns null when it persists nothing.
   */
  static RecordOutput encode(StoredVec vec, long withChangesStamp) {
    ChangeSets changes = vec.changes;
    boolean trackerChanged = changes.trackerChanged();
    SortedSet<Long> released = vec.changes.released();
    long pushedBytes = vec.pushedBytes;
    if (withChangesStamp == -1 && pushedBytes == 0 && vec.storedLen == vec.realLen && vec.updates.isEmpty()
        && !vec.holesDirty && !vec.headerDirty && released.isEmpty() && !trackerChanged) {
      return null;
    }
    int size = vec.size;
    int flags = (withChangesStamp != -1 ? WITH_CHANGES : 0) | (vec.holesDirty ? HOLES_DIRTY : 0)
        | (changes.enabled() ? TRACKS : 0) | (trackerChanged ? TRACKER_STATE : 0)
        | (vec.format == Format.ZSTD ? LEVEL : 0);
    long[] keys = vec.updates.sortedKeys();
    RecordOutput out = new RecordOutput(Math.toIntExact(64 + vec.name.length() * 3L + pushedBytes
        + (long) keys.length * (size + 3)));
    out.writeByte(TYPE);
    out.writeString(vec.name);
    out.writeVarLong(size);
    out.writeByte(flags);
    out.writeVarLong(withChangesStamp != -1 ? withChangesStamp : vec.header.stamp);
    out.writeVarLong(Integer.toUnsignedLong(vec.header.computedVersion));
    if (changes.enabled()) {
      out.writeVarLong(changes.kept());
    }
    if (vec.format == Format.ZSTD) {
      out.writeVarLong(vec.paging.compressionLevel());
    }
    out.writeVarLong(vec.storedLen);
    out.writeVarLong(pushedBytes / size);
    vec.pushChunks.copyOut(0, out.reserve(pushedBytes), 0, pushedBytes);
    out.writeVarLong(keys.length);
    writeAscending(out, keys);
    MemorySegment values = vec.updates.values();
    for (long key : keys) {
      out.writeBytes(values, vec.updates.offsetOf(key), size);
    }
    long[] before = vec.published.holes();
    long[] after = vec.holesDirty ? vec.holes.toArray() : before;
    long[] added = minus(after, before);
    writeCounted(out, added);
    writeCounted(out, added.length == after.length - before.length ? new long[0] : minus(before, after));
    writeCounted(out, released.stream().mapToLong(Long::longValue).toArray());
    if (trackerChanged) {
      MemorySegment state = changes.trackerState();
      out.writeVarLong(state.byteSize());
      out.writeBytes(state, 0, state.byteSize());
    }
    return out;
  }

  /** Decodes the body of a write record of vector {@code name}. */
  static WriteRecord decode(String name, RecordInput in) {
    int size = in.readInt("value size");
    if (size == 0) {
      throw in.corrupt("vector '" + name + "': value size 0");
    }
    int flags = in.readByte();
    if ((flags & ~KNOWN) != 0) {
      throw in.corrupt("vector '" + name + "': unknown write flags " + flags);
    }
    if ((flags & (WITH_CHANGES | TRACKER_STATE)) != 0 && (flags & TRACKS) == 0) {
      throw in.corrupt("vector '" + name + "': a write with change sets from a vector that keeps none");
    }
    long stamp = in.readCount(Long.MAX_VALUE, "stamp");
    int computedVersion = (int) in.readCount(0xFFFF_FFFFL, "computed version");
    int keep = (flags & TRACKS) != 0 ? in.readInt("savedStampedChanges") : 0;
    int level = (flags & LEVEL) != 0 ? (int) in.readCount(22, "compression level") : 0;
    long storedLen = in.readCount(Long.MAX_VALUE, "stored length");
    long pushedCount = in.readCount(Integer.MAX_VALUE / size, "pushed count");
    MemorySegment pushed = in.readBytes(pushedCount * size);
    long[] updateIndices = readAscending(in, in.readLength("update count"));
    MemorySegment updateValues = in.readBytes((long) updateIndices.length * size);
    long[] added = readAscending(in, in.readLength("added hole count"));
    long[] removed = readAscending(in, in.readLength("removed hole count"));
    long[] released = readAscending(in, in.readLength("released change set count"));
    MemorySegment trackerState = (flags & TRACKER_STATE) != 0 ? in.readBytes(in.readLength("tracker state length"))
        : null;
    return new WriteRecord(name, size, flags, stamp, computedVersion, keep, level, storedLen, pushed, updateIndices,
        updateValues, added, removed, released, trackerState);
  }

  @Override
  public void applyTo(CommitApplier.Target target) {
    StoredVec vec = target.vector(name, compressionLevel);
    String where = "vector '" + name + "'";
    if (vec.size != size) {
      throw Exceptions.corruption("%s: the leader wrote %s-byte values, the follower's vector holds %s-byte values",
          where, size, vec.size);
    }
    vec.claim();
    try {
      vec.store.atomically(() -> {
        setPendingState(vec, where);
        return vec.persist((flags & WITH_CHANGES) != 0 ? stamp : -1);
      });
    } finally {
      vec.releaseWriter();
    }
  }

  /** Gives {@code vec} (with nothing pending) the pending state the leader's vector had before this write. */
  private void setPendingState(StoredVec vec, String where) {
    vec.changes.follow((flags & TRACKS) != 0, savedStampedChanges, vec.header.stamp, vec.realLen,
        vec.published.holes());
    if ((flags & LEVEL) != 0 && vec.format == Format.ZSTD && vec.paging.compressionLevel() != compressionLevel) {
      vec.paging.compressWith(new ZstdPageCodec(compressionLevel), compressionLevel);
    }
    if (storedLen > vec.storedLen) {
      throw Exceptions.corruption("%s: the leader's write truncates to %s, the follower's vector holds only %s values"
          + " (the follower diverged)", where, storedLen, vec.storedLen);
    }
    if (storedLen < vec.storedLen) {
      vec.storedLen = storedLen;
      vec.published = vec.published.truncatedTo(storedLen);
      vec.holes.removeFrom(storedLen);
    }
    long pushedBytes = pushed.byteSize();
    for (long done = 0; done < pushedBytes; ) {
      long at = vec.preparePushRun((int) Math.min(Integer.MAX_VALUE, (pushedBytes - done) / size));
      long n = (long) vec.pushRun * size;
      MemorySegment.copy(pushed, done, vec.pushBuffer, at, n);
      done += n;
    }
    for (int i = 0; i < updateIndices.length; i++) {
      if (updateIndices[i] >= storedLen) {
        throw Exceptions.corruption("%s: update of index %s past the stored length %s", where, updateIndices[i],
            storedLen);
      }
      long offset = vec.updates.put(updateIndices[i]);
      MemorySegment.copy(updateValues, (long) i * size, vec.updates.values(), offset, size);
    }
    for (long hole : removedHoles) {
      vec.holes.remove(hole);
    }
    long len = vec.len();
    for (long hole : addedHoles) {
      if (hole >= len) {
        throw Exceptions.corruption("%s: hole %s past the length %s", where, hole, len);
      }
      vec.holes.add(hole);
    }
    vec.holesDirty = (flags & HOLES_DIRTY) != 0;
    vec.overlay = !vec.holes.isEmpty() || !vec.updates.isEmpty();
    for (long s : released) {
      vec.changes.release(s);
    }
    if (vec.header.computedVersion != computedVersion) {
      vec.header.computedVersion = computedVersion;
      vec.headerDirty = true;
    }
    if ((flags & WITH_CHANGES) == 0) {
      vec.setStamp(stamp);
    }
    if (trackerState != null) {
      String what = where + ", change tracker state of a replicated write";
      vec.changes.restoreTracker(Delta.decode(trackerState, size, what), vec.len(), what);
    }
  }

  private static long[] minus(long[] a, long[] b) {
    long[] out = new long[a.length];
    int n = 0;
    for (long x : a) {
      if (Arrays.binarySearch(b, x) < 0) {
        out[n++] = x;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static void writeCounted(RecordOutput out, long[] ascending) {
    out.writeVarLong(ascending.length);
    writeAscending(out, ascending);
  }

  /** Strictly ascending non-negative values as gaps: the first one, then each one's distance to the previous less 1. */
  private static void writeAscending(RecordOutput out, long[] ascending) {
    long previous = -1;
    for (long v : ascending) {
      out.writeVarLong(v - previous - 1);
      previous = v;
    }
  }

  private static long[] readAscending(RecordInput in, int count) {
    long[] out = new long[count];
    long previous = -1;
    for (int i = 0; i < count; i++) {
      long gap = in.readVarLong();
      if (gap < 0 || gap > Long.MAX_VALUE - 1 - previous) {
        throw in.corrupt("an index list overflows");
      }
      previous += gap + 1;
      out[i] = previous;
    }
    return out;
  }
}

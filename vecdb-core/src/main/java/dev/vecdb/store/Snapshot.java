package dev.vecdb.store;

import dev.vecdb.StorageException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hot snapshot: a consistent copy of a store's last completed commit, taken while the writer keeps writing and
 * flushing.
 *
 * <p>How: under the commit lock, for the time of reading the region table, the snapshot copies the durable table
 * file (which is exactly the last commit), notes the commit number and asks every region to protect its committed
 * bytes (see {@code Region.protectForSnapshot}). It then copies the committed extents of the data file outside the
 * lock. The writer may overwrite those bytes meanwhile, but never without saving them first: each overwrite of a
 * protected or committed byte goes to the undo journal before it happens, freed space is not reused while a snapshot
 * runs, and every flush during the snapshot hands its journal to the snapshot before emptying it. The saved records
 * become the copy's own undo journal, in order, and opening the copy once replays them backwards, which restores
 * every overwritten byte to the snapshot's commit. So the copy holds exactly that commit however the writer raced
 * the copying.
 *
 * <p>Sparse: only the committed extents of regions are copied, and all-zero blocks of them are skipped (left as
 * holes of the sparse copy).
 *
 * <p>Threads: one snapshot of a store at a time (the store serializes them); created and used by one thread, except
 * {@link #saveJournalOfFlush}, which flushes call under the commit lock.
 */
final class Snapshot {
  /**
   * The copy's region table until the copy is complete. The copy's data file is given its length first, and a
   * directory holding data but no {@code regions} file does not open (the table is reported lost), so a copy that a
   * crash of the process interrupted never opens as a database.
   */
  static final String PARTIAL_TABLE = "regions.partial";
  private static final int BLOCK = 4096;

  private final Path target;
  private final FileIo io;
  private final Journal journal;
  private final long fileLength;
  /** The first failure of saving a flush's journal, or null; guarded by the store's commit lock. */
  private Exception saveFailure;

  private Snapshot(Path target, FileIo io, Journal journal, long fileLength) {
    this.target = target;
    this.io = io;
    this.journal = journal;
    this.fileLength = fileLength;
  }

  /** Checks that {@code target} does not exist or is an empty directory, then creates it. */
  static Path prepareTarget(Path target, Path source) throws IOException {
    Path dir = target.toAbsolutePath().normalize();
    if (Files.exists(dir)) {
      boolean empty;
      if (Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          empty = entries.findAny().isEmpty();
        }
      } else {
        empty = false;
      }
      if (!empty) {
        throw StoreErrors.alreadyExists("cannot snapshot database %s to %s: it exists and is not an empty directory",
            source, dir);
      }
    }
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * Starts a snapshot into {@code target} (prepared): the data file of the copy gets {@code fileLength} bytes (a
   * hole), then the durable table {@code tableFile} is copied under {@link #PARTIAL_TABLE}. Every write and sync
   * of the copy goes through {@code io}. Called under the commit lock.
   */
  static Snapshot start(Path target, Path tableFile, long fileLength, FileIo io) throws IOException {
    Path copy = target.resolve(PARTIAL_TABLE);
    Path dataFile = target.resolve(RegionStore.DATA);
    try {
      try (FileChannel out = FileChannel.open(dataFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        if (fileLength > 0) {
          writeFully(io, dataFile, out, ByteBuffer.allocate(1), fileLength - 1); // the length, sparse below
        }
      }
      try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        writeFully(io, copy, out, ByteBuffer.wrap(Files.readAllBytes(tableFile)), 0);
        io.force(copy, out);
      }
      return new Snapshot(target, io, new Journal(target.resolve(RegionStore.JOURNAL), io), fileLength);
    } catch (IOException | RuntimeException e) {
      deleteFiles(target);
      throw e;
    }
  }

  /**
   * What a flush during the snapshot calls before it empties the journal: {@link #saveJournal}, except that a
   * failure fails the snapshot (its thread throws it at the end, see {@link #checkSaved}), never the flush. Called
   * under the commit lock.
   */
  void saveJournalOfFlush(Journal source) {
    if (saveFailure == null) {
      try {
        saveJournal(source);
      } catch (IOException | RuntimeException e) {
        saveFailure = e;
      }
    }
  }

  /** Throws the failure of a flush's {@link #saveJournalOfFlush}, if any. Called under the commit lock. */
  void checkSaved() throws IOException {
    if (saveFailure instanceof IOException io) {
      throw io;
    }
    if (saveFailure != null) {
      throw (RuntimeException) saveFailure;
    }
  }

  /**
   * Saves the data records of the store's journal (a flush is about to empty it) as records of the copy's journal,
   * in their order. Called under the commit lock.
   */
  void saveJournal(Journal source) throws IOException {
    for (Journal.Record record : source.read()) {
      if (record.target() == Journal.DATA && record.offset() < fileLength) {
        source.readPayload(record, (position, bytes) ->
            journal.appendUnsynced(Journal.DATA, position, MemorySegment.ofBuffer(bytes)));
      }
    }
  }

  /**
   * Copies the committed extents (outside the commit lock) from {@code data}, a read-only view of the whole data
   * file; returns the bytes written.
   */
  long copy(MemorySegment data) throws IOException {
    List<RegionTable.Slot> slots;
    try (RegionTable table = new RegionTable(target.resolve(PARTIAL_TABLE), io)) {
      slots = table.readAll();
    }
    Path dataFile = target.resolve(RegionStore.DATA);
    long copied = 0;
    try (FileChannel out = FileChannel.open(dataFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      for (RegionTable.Slot slot : slots) {
        copied += copyExtent(data, slot.start(), slot.length(), dataFile, out);
      }
      io.force(dataFile, out);
    }
    return copied;
  }

  /** Copies {@code [start, start + length)}, skipping all-zero blocks; returns the bytes written. */
  private long copyExtent(MemorySegment data, long start, long length, Path file, FileChannel out)
      throws IOException {
    long copied = 0;
    for (long block = start; block < start + length; block += BLOCK) {
      long size = Math.min(BLOCK, start + length - block);
      MemorySegment bytes = data.asSlice(block, size);
      if (!isZero(bytes)) {
        writeFully(io, file, out, bytes.asByteBuffer(), block);
        copied += size;
      }
    }
    return copied;
  }

  private static void writeFully(FileIo io, Path file, FileChannel out, ByteBuffer src, long position)
      throws IOException {
    long at = position;
    while (src.hasRemaining()) {
      at += io.write(file, out, src, at);
    }
  }

  private static boolean isZero(MemorySegment bytes) {
    long size = bytes.byteSize();
    long i = 0;
    for (; i + Long.BYTES <= size; i += Long.BYTES) {
      if (bytes.get(ValueLayout.JAVA_LONG_UNALIGNED, i) != 0) {
        return false;
      }
    }
    for (; i < size; i++) {
      if (bytes.get(ValueLayout.JAVA_BYTE, i) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Finishes the copy: syncs the saved journal, gives the table its real name (the copy is a database from now on)
   * and syncs the directory, then opens the copy once, which replays the journal backwards (restoring the snapshot's
   * commit), empties it and syncs the files and the directory; finally syncs the parent directory.
   */
  void finish() throws IOException {
    journal.sync();
    journal.close();
    Files.move(target.resolve(PARTIAL_TABLE), target.resolve(RegionStore.TABLE), StandardCopyOption.ATOMIC_MOVE);
    io.syncDirectory(target);
    RegionStore.open(target, io).close();
    io.syncDirectory(target.getParent());
  }

  /**
   * Releases the copy's journal after a failure and deletes the copy's files (best effort), leaving {@code target}
   * empty for another attempt.
   */
  void abandon() {
    try {
      journal.close();
    } catch (IOException | RuntimeException ignored) {
      // already failing
    }
    deleteFiles(target);
  }

  /** Deletes whatever files a snapshot may have created in {@code target} (it was empty before), best effort. */
  private static void deleteFiles(Path target) {
    for (String name : List.of(PARTIAL_TABLE, RegionStore.TABLE, RegionStore.DATA, RegionStore.JOURNAL)) {
      try {
        Files.deleteIfExists(target.resolve(name));
      } catch (IOException ignored) {
        // already failing; an incomplete copy has no region table under its real name or fails its checks
      }
    }
  }

  /**
   * The exception a failed snapshot throws: an I/O error, or a storage error (of the copy's opening), as a
   * {@link StorageException} naming the source and the target; anything else as it is.
   */
  static RuntimeException failure(Path source, Path target, Exception e) {
    if (e instanceof IOException || e instanceof StorageException) {
      return StoreErrors.storage(e, "cannot snapshot database %s to %s: %s", source, target, e.getMessage());
    }
    return (RuntimeException) e;
  }
}

package dev.vecdb.store;

import dev.vecdb.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fault-injection file layer of the tests: counts every file operation of a store, fails the one a test picks,
 * and remembers what each file looked like at its last successful sync, so that a test can build the image a power
 * loss leaves behind.
 *
 * <p>A failing write first writes half of its bytes (a short write, as a full disk does) and then throws; every other
 * failing operation changes nothing. A failed sync leaves the writes before it unsynced: after a failed
 * {@code fsync}, Linux may drop them from the page cache.
 *
 * <p>Syncs are simulated: a successful {@link #force} only marks the file's changes as durable for
 * {@link #powerLossCopy}, which is what decides what a power loss keeps; no real {@code fsync} is made, so that a
 * test can replay a workload once per file operation quickly.
 *
 * <p>Thread-safe: every operation is serialized on this object.
 */
public final class FaultyIo implements FileIo {
  /** One file operation: its number (from 1), its kind and the file it works on. */
  public record Call(long number, String kind, Path file) {
    @Override
    public String toString() {
      return "call " + number + " (" + kind + " of " + file.getFileName() + ")";
    }
  }

  /** How a write, truncate, allocation or punch fails. */
  public static IOException noSpace(Call call) {
    return new IOException("No space left on device (injected at " + call + ")");
  }

  /** How a sync fails. */
  public static IOException ioError(Call call) {
    return new IOException("Input/output error (injected at " + call + ")");
  }

  /** The usual failure of {@code call}: ENOSPC for what allocates, EIO for syncs. */
  public static Throwable typical(Call call) {
    return call.kind().startsWith("sync") || call.kind().equals("force") ? ioError(call) : noSpace(call);
  }

  /** A change since the file's last successful sync: the old bytes at {@code position} and the old length. */
  private record Undo(long position, byte[] oldBytes, long oldSize) {}

  private final Map<Path, List<Undo>> unsynced = new HashMap<>();
  private final List<Call> history = new ArrayList<>();
  private long calls;
  private Predicate<Call> failWhen = call -> false;
  private Function<Call, Throwable> failure = FaultyIo::typical;
  private Call failed;

  /** Fails the first call matching {@code when} with {@code failure}; one failure at most. */
  public synchronized FaultyIo failWhen(Predicate<Call> when, Function<Call, Throwable> failure) {
    this.failWhen = when;
    this.failure = failure;
    return this;
  }

  /** Fails call number {@code number} (counting from 1 since this object was made) in the usual way. */
  public synchronized FaultyIo failCall(long number) {
    return failWhen(call -> call.number() == number, FaultyIo::typical);
  }

  /** Number of file operations so far. */
  public synchronized long calls() {
    return calls;
  }

  /** Every call so far, in order. */
  public synchronized List<Call> history() {
    return List.copyOf(history);
  }

  /** The call that failed, or null. */
  public synchronized Call failed() {
    return failed;
  }

  @Override
  public synchronized int write(Path file, FileChannel channel, ByteBuffer src, long position) throws IOException {
    Call call = next("write", file);
    remember(file, channel, position, src.remaining());
    if (shouldFail(call)) {
      if (src.remaining() > 1) {
        ByteBuffer half = src.slice().limit(src.remaining() / 2);
        channel.write(half, position);
      }
      throw failure(call);
    }
    return channel.write(src, position);
  }

  @Override
  public synchronized void force(Path file, FileChannel channel) throws IOException {
    begin("force", file);
    unsynced.remove(file);
  }

  @Override
  public synchronized void truncate(Path file, FileChannel channel, long size) throws IOException {
    begin("truncate", file);
    long oldSize = channel.size();
    if (size < oldSize) {
      remember(file, channel, size, oldSize - size);
    }
    channel.truncate(size);
  }

  @Override
  public synchronized void punchHole(Path file, long offset, long length) throws IOException {
    begin("punch", file);
    try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
      remember(file, reader, offset, length);
    }
    FileIo.super.punchHole(file, offset, length);
  }

  /** Allocation changes neither the bytes nor the length (the range is inside the file): nothing to undo. */
  @Override
  public synchronized void allocate(Path file, long offset, long length) throws IOException {
    begin("allocate", file);
    FileIo.super.allocate(file, offset, length);
  }

  @Override
  public synchronized void syncDirectory(Path directory) throws IOException {
    begin("syncDirectory", directory);
    FileIo.super.syncDirectory(directory);
  }

  /**
   * Copies the database {@code from} to {@code to} as a power loss at this instant leaves it: every change made
   * since a file's last successful sync is undone, newest first.
   */
  public synchronized Path powerLossCopy(Path from, Path to) {
    TestFiles.crashCopy(from, to);
    for (Map.Entry<Path, List<Undo>> entry : unsynced.entrySet()) {
      Path copy = to.resolve(entry.getKey().getFileName());
      List<Undo> undos = entry.getValue();
      try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
        for (int i = undos.size() - 1; i >= 0; i--) {
          Undo undo = undos.get(i);
          ByteBuffer old = ByteBuffer.wrap(undo.oldBytes());
          while (old.hasRemaining()) {
            channel.write(old, undo.position() + old.position());
          }
          if (channel.size() > undo.oldSize()) {
            channel.truncate(undo.oldSize());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return to;
  }

  private Call next(String kind, Path file) {
    Call call = new Call(++calls, kind, file);
    history.add(call);
    return call;
  }

  /** Counts a call that changes nothing when it fails, and fails it if it is the chosen one. */
  private void begin(String kind, Path file) throws IOException {
    Call call = next(kind, file);
    if (shouldFail(call)) {
      throw failure(call);
    }
  }

  private boolean shouldFail(Call call) {
    if (failed == null && failWhen.test(call)) {
      failed = call;
      return true;
    }
    return false;
  }

  private IOException failure(Call call) throws IOException {
    Throwable error = failure.apply(call);
    if (error instanceof IOException io) {
      return io;
    }
    if (error instanceof Error fatal) {
      throw fatal;
    }
    throw (RuntimeException) error;
  }

  /** Saves the bytes {@code [position, position + length)} and the length of the file before they change. */
  private void remember(Path file, FileChannel channel, long position, long length) throws IOException {
    long size = channel.size();
    int kept = (int) Math.max(0, Math.min(length, size - position));
    ByteBuffer old = ByteBuffer.allocate(kept);
    while (old.hasRemaining()) {
      if (channel.read(old, position + old.position()) < 0) {
        break;
      }
    }
    unsynced.computeIfAbsent(file, f -> new ArrayList<>()).add(new Undo(position, old.array(), size));
  }
}

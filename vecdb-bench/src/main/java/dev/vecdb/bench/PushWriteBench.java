package dev.vecdb.bench;

import static dev.vecdb.bench.BenchSupport.LE;
import static dev.vecdb.bench.BenchSupport.N;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Push + write of N = 10M {@code i64} values (value = index), in ns per value. No fsync anywhere: this is the Rust
 * baseline's step (c) = push (b) + {@code write()} (c1), and its hand-written "set_len + mmap + memcpy" without the
 * msync.
 *
 * <p>One invocation per iteration ({@link Mode#SingleShotTime}), so the per-iteration setup gives every measured
 * invocation exactly the state its name says. Page faults dominate on fresh memory, so the benchmarks come in
 * like-for-like groups:
 *
 * <ul>
 *   <li><b>fresh memory, fresh file</b>: {@link #vecdbFreshVector} (new database and vector: the push buffer starts
 *       empty and grows by doubling) vs {@link #baselineMmapFreshFile} (the physical limit: one mapping of the final
 *       size, each page touched once) and {@link #baselinePwriteFreshBuffer} (vecdb's technique with the size known
 *       up front: one zeroed native buffer of the final size, filled, one positional write).
 *   <li><b>warm buffer, fresh file pages</b>: {@link #vecdbAppend} (the same vector every iteration: the push buffer
 *       is reused, the values are appended past the previous ones, so the file pages are new) vs
 *       {@link #baselinePwriteFreshFile} (a reused native buffer, a new file, deleted after the iteration) and
 *       {@link #baselinePwriteAppend} (a reused native buffer appended to one growing file, like vecdbAppend: its dirty
 *       pages pile up and reach the kernel's writeback age during the trial).
 *   <li><b>warm buffer, warm file pages</b>: {@link #vecdbRewrite} (the same vector, {@code clear()} in the untimed
 *       setup, then push + write over the same file range; {@link #vecdbPushOnlyWarm} is its push step alone) vs {@link #baselinePwriteReusedFile} (reused buffer,
 *       positional write over the same file range) and {@link #baselineMmapReusedFile} (the limit: a loop storing
 *       into an existing read-write mapping of an existing file).
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(N)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class PushWriteBench {

  // ---- vecdb ----

  /** A new database and an empty vector for every iteration; deleted (and its native memory freed) after it. */
  @State(Scope.Benchmark)
  public static class FreshVecdb {
    Path dir;
    Database db;
    LongVec vec;

    @Setup(Level.Iteration)
    public void open() {
      dir = BenchSupport.newDir("vecdb-fresh");
      db = Database.open(dir);
      vec = db.longVec(BenchSupport.VEC, NumberType.I64, VecOptions.DEFAULT);
    }

    @TearDown(Level.Iteration)
    public void close() {
      check(vec.storedLen() == N, "stored length");
      db.close();
      vec = null;
      db = null;
      BenchSupport.deleteRecursively(dir);
      System.gc(); // frees the dropped push buffer (Arena.ofAuto) so the next iteration starts on fresh memory
    }
  }

  /** One database and vector for the whole trial, written once in the setup so its push buffer is warm. */
  @State(Scope.Benchmark)
  public static class WarmVecdb {
    Path dir;
    Database db;
    LongVec vec;

    @Setup(Level.Trial)
    public void open() {
      dir = BenchSupport.newDir("vecdb-warm");
      db = BenchSupport.databaseWithValues(dir);
      vec = db.longVec(BenchSupport.VEC, NumberType.I64, VecOptions.DEFAULT);
    }

    @TearDown(Level.Trial)
    public void close() {
      db.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  /** {@link WarmVecdb}, emptied before every iteration ({@code clear()} only; the storage is rewritten by write). */
  @State(Scope.Benchmark)
  public static class RewriteVecdb extends WarmVecdb {
    @Setup(Level.Iteration)
    public void clear() {
      vec.clear();
    }

    @TearDown(Level.Iteration)
    public void verifyContents() {
      checkRewritten(vec);
    }
  }

  /** {@link WarmVecdb}, emptied before every iteration, for the push step alone (nothing is written). */
  @State(Scope.Benchmark)
  public static class PushOnlyVecdb extends WarmVecdb {
    @Setup(Level.Iteration)
    public void clear() {
      vec.clear();
    }

    @TearDown(Level.Iteration)
    public void verifyContents() {
      PushWriteBench.check(vec.pushedLen() == N && vec.get(N - 1) == N - 1, "pushed vector");
    }
  }

  @Benchmark
  public long vecdbFreshVector(FreshVecdb s) {
    return pushAndWrite(s.vec);
  }

  @Benchmark
  public long vecdbAppend(WarmVecdb s) {
    return pushAndWrite(s.vec);
  }

  @Benchmark
  public long vecdbRewrite(RewriteVecdb s) {
    return pushAndWrite(s.vec);
  }

  /**
   * The push step of {@link #vecdbRewrite} alone (the Rust baseline's step (b)): N pushes into the warm push buffer
   * of a cleared vector, no write. Compare with the fill loop of {@link #baselineMmapReusedFile}.
   */
  @Benchmark
  public long vecdbPushOnlyWarm(PushOnlyVecdb s) {
    LongVec vec = s.vec;
    for (long i = 0; i < N; i++) {
      vec.push(i);
    }
    return vec.len();
  }

  /**
   * {@link #vecdbRewrite} through the bulk API: the values are produced into a reused 64 Ki-value array and appended
   * with {@code pushAll}, then one {@code write()}.
   */
  @Benchmark
  public long vecdbBulkRewrite(RewriteVecdb s) {
    return bulkPushAndWrite(s.vec);
  }

  /** {@link #vecdbFreshVector} through the bulk API (see {@link #vecdbBulkRewrite}). */
  @Benchmark
  public long vecdbBulkFreshVector(FreshVecdb s) {
    return bulkPushAndWrite(s.vec);
  }

  private static long bulkPushAndWrite(LongVec vec) {
    long[] batch = new long[1 << 16];
    for (long base = 0; base < N; base += batch.length) {
      int count = (int) Math.min(batch.length, N - base);
      for (int j = 0; j < count; j++) {
        batch[j] = base + j;
      }
      vec.pushAll(batch, 0, count);
    }
    vec.write();
    return vec.len();
  }

  private static long pushAndWrite(LongVec vec) {
    for (long i = 0; i < N; i++) {
      vec.push(i);
    }
    vec.write();
    return vec.len();
  }

  // ---- hand-written baselines ----

  /** A new, not yet created file path for every iteration. */
  @State(Scope.Benchmark)
  public static class FreshFile {
    Path dir;
    Path file;

    @Setup(Level.Iteration)
    public void create() {
      dir = BenchSupport.newDir("baseline-fresh");
      file = dir.resolve("data");
    }

    @TearDown(Level.Iteration)
    public void delete() throws IOException {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        check(ch.size() >= (long) N * 8, "file size");
        check(ch.map(FileChannel.MapMode.READ_ONLY, 0, (long) N * 8, Arena.ofAuto()).get(LE, (long) (N - 1) * 8)
            == N - 1, "last value");
      }
      BenchSupport.deleteRecursively(dir);
    }
  }

  /** A native buffer of N longs allocated (and so touched) once per trial. */
  @State(Scope.Benchmark)
  public static class ReusedBuffer {
    Arena arena;
    MemorySegment buffer;

    @Setup(Level.Trial)
    public void allocate() {
      arena = Arena.ofShared();
      buffer = arena.allocate((long) N * 8, 8);
    }

    @TearDown(Level.Trial)
    public void free() {
      arena.close();
    }
  }

  /** A file of N longs written once per trial, open for writing, with a read-write mapping of it. */
  @State(Scope.Benchmark)
  public static class ReusedFile {
    Path dir;
    FileChannel channel;
    Arena arena;
    MemorySegment mapping;

    @Setup(Level.Trial)
    public void create() throws IOException {
      dir = BenchSupport.newDir("baseline-reused");
      arena = Arena.ofShared();
      BenchSupport.baselineFileMappedReadOnly(dir.resolve("data"), arena);
      channel = FileChannel.open(dir.resolve("data"), StandardOpenOption.READ, StandardOpenOption.WRITE);
      mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) N * 8, arena);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      check(mapping.get(LE, (long) (N - 1) * 8) == N - 1, "last value");
      channel.close();
      arena.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  /** Physical limit on fresh memory: grow a new file, map it read-write, store N longs, unmap. */
  @Benchmark
  public long baselineMmapFreshFile(FreshFile f) throws IOException {
    long bytes = (long) N * 8;
    try (FileChannel ch = FileChannel.open(f.file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE); Arena arena = Arena.ofConfined()) {
      ch.write(ByteBuffer.allocate(1), bytes - 1);
      MemorySegment map = ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena);
      for (long i = 0; i < N; i++) {
        map.set(LE, i * 8, i);
      }
      return map.byteSize();
    }
  }

  /** Physical limit on warm memory: store N longs into an existing read-write mapping of an existing file. */
  @Benchmark
  public long baselineMmapReusedFile(ReusedFile f) {
    MemorySegment map = f.mapping;
    for (long i = 0; i < N; i++) {
      map.set(LE, i * 8, i);
    }
    return map.byteSize();
  }

  /** vecdb's technique on fresh memory, size known: a new zeroed native buffer, filled, one positional write. */
  @Benchmark
  public long baselinePwriteFreshBuffer(FreshFile f) throws IOException {
    try (FileChannel ch = FileChannel.open(f.file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Arena arena = Arena.ofConfined()) {
      MemorySegment buffer = arena.allocate((long) N * 8, 8);
      fill(buffer);
      BenchSupport.writeFully(ch, buffer, 0);
      return ch.size();
    }
  }

  /** vecdb's technique, warm buffer: fill a reused native buffer, one positional write into a new file. */
  @Benchmark
  public long baselinePwriteFreshFile(ReusedBuffer b, FreshFile f) throws IOException {
    try (FileChannel ch = FileChannel.open(f.file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      fill(b.buffer);
      BenchSupport.writeFully(ch, b.buffer, 0);
      return ch.size();
    }
  }

  /** One file for the whole trial, appended to by every iteration (the counterpart of {@link #vecdbAppend}). */
  @State(Scope.Benchmark)
  public static class AppendFile {
    Path dir;
    FileChannel channel;

    @Setup(Level.Trial)
    public void create() throws IOException {
      dir = BenchSupport.newDir("baseline-append");
      channel = FileChannel.open(dir.resolve("data"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      channel.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  /**
   * vecdb's technique, warm buffer, appending: fill a reused native buffer, one positional write at the end of a
   * file that keeps growing over the trial, so its dirty pages accumulate and age as {@link #vecdbAppend}'s do.
   */
  @Benchmark
  public long baselinePwriteAppend(ReusedBuffer b, AppendFile f) throws IOException {
    fill(b.buffer);
    BenchSupport.writeFully(f.channel, b.buffer, f.channel.size());
    return f.channel.size();
  }

  /** vecdb's technique, all warm: fill a reused native buffer, one positional write over the same file range. */
  @Benchmark
  public long baselinePwriteReusedFile(ReusedBuffer b, ReusedFile f) throws IOException {
    fill(b.buffer);
    BenchSupport.writeFully(f.channel, b.buffer, 0);
    return f.channel.size();
  }

  private static void fill(MemorySegment buffer) {
    for (long i = 0; i < N; i++) {
      buffer.set(LE, i * 8, i);
    }
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark sanity check failed: " + what);
    }
  }

  static void checkRewritten(LongVec vec) {
    check(vec.storedLen() == N && vec.get(N - 1) == N - 1, "rewritten vector");
  }
}

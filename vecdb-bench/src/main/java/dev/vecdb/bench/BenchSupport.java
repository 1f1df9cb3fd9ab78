package dev.vecdb.bench;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.bench.peers.RandomIndices;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Shared workload definitions and file helpers for the benchmarks. */
final class BenchSupport {
  /** Number of values in every vector and baseline file (the Rust baseline's workload). */
  static final int N = 10_000_000;
  /** Number of random reads per operation of the random-get benchmarks. */
  static final int READS = 100_000;
  /** vecdb's BYTES format and the baselines: little-endian, unaligned access allowed. */
  static final ValueLayout.OfLong LE = MappedLongs.LE;
  /** The vector's name, as in the Rust baseline's region name. */
  static final String VEC = "bench";

  private BenchSupport() {}

  /**
   * A fresh directory for one database or baseline file, under {@code -Dvecdb.bench.dir} (default: the system temp
   * directory, which must be on a real disk file system such as ext4, not tmpfs, to compare like with like).
   */
  static Path newDir(String prefix) {
    try {
      Path base = Paths.get(System.getProperty("vecdb.bench.dir", System.getProperty("java.io.tmpdir")));
      Files.createDirectories(base);
      return Files.createTempDirectory(base, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code dir} and everything in it; no-op when null. */
  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sum of the workload's values {@code 0 .. N-1}. */
  static long expectedSum() {
    return (long) N * (N - 1) / 2;
  }

  /** The random-read indices of the Rust baseline ({@link RandomIndices#of}: {@link #READS} indices below N). */
  static long[] randomIndices() {
    return randomIndices(READS, N);
  }

  /** {@code count} indices below {@code n} from the xorshift64 sequence of {@link RandomIndices#of}. */
  static long[] randomIndices(int count, long n) {
    return RandomIndices.of(n, count);
  }

  /** Opens a database in {@code dir} with one written (not flushed) i64 vector holding {@code 0 .. N-1}. */
  static Database databaseWithValues(Path dir) {
    Database db = Database.open(dir);
    LongVec vec = db.longVec(VEC, NumberType.I64, VecOptions.DEFAULT);
    for (long i = 0; i < N; i++) {
      vec.push(i);
    }
    vec.write();
    return db;
  }

  /**
   * Writes {@code 0 .. N-1} as little-endian longs into {@code file} (one positional write of a native buffer) and
   * maps it read-only in {@code arena}.
   */
  static MemorySegment baselineFileMappedReadOnly(Path file, Arena arena) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE); Arena tmp = Arena.ofConfined()) {
      MemorySegment buf = tmp.allocate((long) N * 8, 8);
      for (long i = 0; i < N; i++) {
        buf.set(LE, i * 8, i);
      }
      writeFully(ch, buf, 0);
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, (long) N * 8, arena);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A positional write of all of {@code src} at {@code position}. */
  static void writeFully(FileChannel ch, MemorySegment src, long position) throws IOException {
    var buffer = src.asByteBuffer();
    while (buffer.hasRemaining()) {
      ch.write(buffer, position + buffer.position());
    }
  }
}

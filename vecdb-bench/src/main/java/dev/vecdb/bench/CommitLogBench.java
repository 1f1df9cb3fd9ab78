package dev.vecdb.bench;

import dev.vecdb.Commit;
import dev.vecdb.Database;
import dev.vecdb.DatabaseOptions;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the commit log costs a leader: push + {@code write()} + {@code flush()} with the commit log on and off, for a
 * bulk commit of 1 M {@code i64} values and for small commits of 100 values. The publisher is simulated by
 * acknowledging every commit as soon as it is made, so the outbox stays small, as with a live publisher. The
 * teardown prints the payload size per commit against the bytes of the values it carries.
 * {@code java -jar vecdb-bench/target/benchmarks.jar CommitLogBench}.
 */
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class CommitLogBench {
  static final int BULK = 1_000_000;
  static final int SMALL = 100;

  /** A database with one vector, the commit log on or off. */
  @State(Scope.Benchmark)
  public static class Leader {
    @Param({"false", "true"})
    boolean commitLog;

    Path dir;
    Database db;
    LongVec vec;
    long next;
    long payloadBytes;
    long commits;

    @Setup(Level.Trial)
    public void open() {
      dir = BenchSupport.newDir("vecdb-commitlog");
      db = Database.open(dir, DatabaseOptions.DEFAULT.withCommitLog(commitLog));
      vec = db.longVec(BenchSupport.VEC, NumberType.I64, VecOptions.DEFAULT);
    }

    /** The values pushed and flushed in one commit, then the commit acknowledged (when the log is on). */
    void commit(int values) {
      for (int i = 0; i < values; i++) {
        vec.push(next++);
      }
      vec.write();
      db.flush();
      if (commitLog) {
        List<Commit> pending = db.outbox().pending();
        for (Commit c : pending) {
          payloadBytes += c.size();
          commits++;
        }
        db.outbox().acknowledge(db.commitNumber());
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      if (commitLog && commits > 0) {
        System.out.printf("%n%d commits, %.1f payload bytes per commit%n", commits, payloadBytes / (double) commits);
      }
      db.close();
      BenchSupport.deleteRecursively(dir);
    }
  }

  /** Trims the vector before each bulk iteration, so every iteration appends 1 M values to a short vector. */
  @State(Scope.Benchmark)
  public static class BulkLeader extends Leader {
    @Setup(Level.Iteration)
    public void trim() {
      vec.clear();
      vec.write();
      db.flush();
      if (commitLog) {
        db.outbox().acknowledge(db.commitNumber());
      }
    }
  }

  /** 1 M values pushed, written and flushed in one commit; ms per commit. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long bulkCommit(BulkLeader leader) {
    leader.commit(BULK);
    return leader.db.commitNumber();
  }

  /** 100 values pushed, written and flushed in one commit; µs per commit. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long smallCommit(Leader leader) {
    leader.commit(SMALL);
    return leader.db.commitNumber();
  }
}

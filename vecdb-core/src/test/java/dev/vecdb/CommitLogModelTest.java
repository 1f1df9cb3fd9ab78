package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.codec.FixedLength;
import dev.vecdb.codec.NumberType;
import dev.vecdb.compute.ComputeSource;
import dev.vecdb.compute.EagerLongVec;
import dev.vecdb.internal.VecAccess;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.StoredVec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded workload on a leader with a commit log, over every format, object and record vectors and an eager
 * computed vector, with holes, updates, truncations, resets, removals, stamped writes with changes, rollbacks,
 * flushes and reopens at random points; every commit is applied in order to an empty follower (itself closed and
 * reopened at random points). The follower must end with every region of the leader bit for bit (values, pages,
 * holes, headers with stamps, change sets and change baselines), with the same values, holes, stamps and change-set
 * stamps through its vectors, and a further rollback must give the same result on both sides.
 */
class CommitLogModelTest {
  private static final DatabaseOptions LOG = DatabaseOptions.DEFAULT.withCommitLog(true);
  private static final int OPERATIONS = Integer.getInteger("vecdb.commitlog.operations", 12_000);
  /** The seeds to run, comma-separated ({@code -Dvecdb.commitlog.seeds=1,2,3}); one in the normal build. */
  private static final String SEEDS = System.getProperty("vecdb.commitlog.seeds", "1");

  /** A fixed-size record for the record vector. */
  public record Tick(long time, double price, @FixedLength(4) byte[] tag) {}

  @TempDir Path tmp;

  @Test
  void followerAppliesEveryCommitToTheSameBits() throws Exception {
    for (String seed : SEEDS.split(",")) {
      run(Long.parseLong(seed.trim()), tmp.resolve("s" + seed.trim()));
    }
  }

  private void run(long seed, Path root) throws Exception {
    Random random = new Random(seed);
    Path leaderDir = root.resolve("leader");
    Path followerDir = root.resolve("follower");
    List<Commit> shipped = new ArrayList<>();
    Leader leader = new Leader(Database.open(leaderDir, LOG));
    Replica follower = Replica.open(followerDir);
    int applied = 0;
    long snapshotNumber = -1;
    for (int op = 0; op < OPERATIONS; op++) {
      leader.step(random);
      if (op == OPERATIONS / 2) {
        snapshotNumber = leader.db.snapshot(root.resolve("snapshot")).commitNumber();
      }
      if (random.nextInt(40) == 0) {
        leader.db.flush();
        collect(leader.db, shipped);
        if (random.nextBoolean()) {
          leader.db.outbox().acknowledge(shipped.getLast().number() - random.nextInt(3));
        }
      }
      if (random.nextInt(400) == 0) {
        collect(leader.db, shipped);
        leader.db.close();
        leader = new Leader(Database.open(leaderDir, LOG));
        // the outbox survived: every unacknowledged commit is offered again, with the same bytes
        List<Commit> pending = leader.db.outbox().pending();
        for (Commit c : pending) {
          Commit before = shipped.get((int) c.number() - 1);
          assertThat(c.payload()).as("commit %d after reopen", c.number()).isEqualTo(before.payload());
        }
        if (!shipped.isEmpty()) {
          assertThat(pending.isEmpty() ? leader.db.outbox().acknowledged() : pending.getLast().number())
              .isEqualTo(shipped.getLast().number());
        }
      }
      while (applied < shipped.size() && random.nextInt(3) != 0) {
        assertThat(follower.apply(shipped.get(applied))).isTrue();
        applied++;
        if (random.nextInt(50) == 0) {
          follower.close();
          follower = Replica.open(followerDir);
          openAsApplication(follower.database(), random);
          assertThat(follower.database().commitNumber()).isEqualTo(applied);
          if (applied > 0) {
            assertThat(follower.apply(shipped.get(applied - 1))).as("an applied commit is skipped").isFalse();
          }
        }
      }
    }
    leader.writeAll();
    leader.db.flush();
    collect(leader.db, shipped);
    while (applied < shipped.size()) {
      follower.apply(shipped.get(applied++));
    }
    assertThat(follower.database().commitNumber()).isEqualTo(leader.db.commitNumber());
    assertSameRegions(leader.db, follower.database());
    assertSameVectors(leader, follower.database());
    follower.close();
    // a follower bootstrapped from a hot snapshot taken mid-run, fed the commits after it, ends the same
    try (Replica bootstrapped = Replica.open(root.resolve("snapshot"))) {
      assertThat(bootstrapped.database().commitNumber()).isEqualTo(snapshotNumber);
      for (Commit c : shipped.subList((int) snapshotNumber, shipped.size())) {
        assertThat(bootstrapped.apply(c)).isTrue();
      }
      assertSameRegions(leader.db, bootstrapped.database());
    }
    leader.db.close();
    assertSameAfterRollback(leaderDir, followerDir);
  }

  /**
   * Opens some of the follower's vectors as its application would, with other change-set and compression options
   * than the leader's: the applier writes through these instances and must still produce the leader's bytes.
   */
  private static void openAsApplication(Database follower, Random random) {
    Leader shapes = new Leader(null);
    for (String name : Leader.NAMES) {
      if (follower.regions().contains(name) && random.nextBoolean()) {
        shapes.openLike(follower, name, VecOptions.DEFAULT.withCompressionLevel(1));
      }
    }
  }

  /** Adds the commits the last flushes made to {@code shipped}. */
  private static void collect(Database db, List<Commit> shipped) throws InterruptedException {
    long last = shipped.isEmpty() ? 0 : shipped.getLast().number();
    Optional<Commit> next;
    while ((next = db.outbox().awaitAfter(last, Duration.ZERO)).isPresent()) {
      assertThat(next.get().number()).isEqualTo(last + 1);
      shipped.add(next.get());
      last++;
    }
    assertThat(last).isEqualTo(db.commitNumber());
  }

  static void assertSameRegions(Database leader, Database follower) {
    assertThat(follower.regions().ids()).containsExactlyInAnyOrderElementsOf(leader.regions().ids());
    for (String id : leader.regions().ids()) {
      assertThat(follower.regions().get(id).readAll()).as("region %s", id)
          .isEqualTo(leader.regions().get(id).readAll());
    }
  }

  private static void assertSameVectors(Leader leader, Database follower) {
    for (StoredVec vec : leader.vectors().values()) {
      StoredVec copy = leader.openLike(follower, vec.name());
      assertThat(copy.len()).as(vec.name()).isEqualTo(vec.len());
      assertThat(copy.holes()).as(vec.name()).isEqualTo(vec.holes());
      assertThat(copy.stamp()).as(vec.name()).isEqualTo(vec.stamp());
      assertThat(VecAccess.get().computedVersion(copy)).as(vec.name())
          .isEqualTo(VecAccess.get().computedVersion(vec));
      assertThat(copy.changeStamps()).as(vec.name()).isEqualTo(vec.changeStamps());
      assertThat(values(copy)).as(vec.name()).isEqualTo(values(vec));
    }
  }

  /** Opens both directories writable, rolls back every vector that can, and compares again. */
  private static void assertSameAfterRollback(Path leaderDir, Path followerDir) {
    try (Database a = Database.open(leaderDir); Database b = Database.open(followerDir)) {
      Leader left = new Leader(a);
      Leader right = new Leader(b);
      for (String name : left.vectors().keySet()) {
        StoredVec x = left.vectors().get(name);
        StoredVec y = right.vectors().get(name);
        if (x.changeStamps().contains(x.stamp())) {
          assertThat(y.rollback()).isEqualTo(x.rollback());
          x.write();
          y.write();
        }
      }
      a.flush();
      b.flush();
      assertSameRegions(a, b);
    }
  }

  /** The values of {@code vec}, null for holes. */
  static List<Object> values(StoredVec vec) {
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < vec.len(); i++) {
      if (vec.isHole(i)) {
        out.add(null);
      } else if (vec instanceof LongVec v) {
        out.add(v.get(i));
      } else if (vec instanceof IntVec v) {
        out.add(v.get(i));
      } else if (vec instanceof DoubleVec v) {
        out.add(v.get(i));
      } else if (vec instanceof ObjVec<?> v) {
        Object value = v.get(i);
        out.add(value instanceof byte[] bytes ? Arrays.toString(bytes)
            : value instanceof Tick t ? t.time() + "/" + t.price() + "/" + Arrays.toString(t.tag()) : value);
      }
    }
    return out;
  }

  /** The leader's vectors and the operations of the workload. */
  static final class Leader {
    private static final String[] NAMES = {"bytes", "zerocopy", "pco", "lz4", "zstd", "hashes", "ticks", "eager"};
    final Database db;
    private final Map<String, StoredVec> vectors = new LinkedHashMap<>();
    private final TreeMap<String, Long> nextStamp = new TreeMap<>();

    Leader(Database db) {
      this.db = db;
      for (String name : db == null ? new String[0] : NAMES) {
        if (!name.equals("eager") || db.regions().contains("eager")) {
          vectors.put(name, openLike(db, name));
        }
      }
    }

    Map<String, StoredVec> vectors() {
      return vectors;
    }

    StoredVec openLike(Database target, String name) {
      return openLike(target, name, VecOptions.DEFAULT.withSavedStampedChanges(3).withCompressionLevel(5));
    }

    /** Opens vector {@code name} of the workload with {@code base}'s change sets kept and compression level. */
    StoredVec openLike(Database target, String name, VecOptions keep) {
      return switch (name) {
        case "bytes" -> target.longVec(name, NumberType.I64, keep);
        case "zerocopy" -> target.intVec(name, NumberType.I32, keep.withFormat(Format.ZERO_COPY));
        case "pco" -> target.longVec(name, NumberType.U64, keep.withFormat(Format.PCO));
        case "lz4" -> target.doubleVec(name, keep.withFormat(Format.LZ4).withSavedStampedChanges(2));
        case "zstd" -> target.intVec(name, NumberType.I32, keep.withFormat(Format.ZSTD).withSavedStampedChanges(0));
        case "hashes" -> target.bytesVec(name, 8, keep.withFormat(Format.LZ4));
        case "ticks" -> target.recordVec(name, Tick.class, keep);
        case "eager" -> target.longVec(name, NumberType.I64, keep.withSavedStampedChanges(0));
        default -> throw new IllegalArgumentException(name);
      };
    }

    void writeAll() {
      vectors.values().forEach(StoredVec::write);
    }

    void step(Random random) {
      String name = NAMES[random.nextInt(NAMES.length - 1)];
      StoredVec vec = vectors.get(name);
      int kind = random.nextInt(100);
      long len = vec.len();
      if (kind < 40) {
        int count = random.nextInt(10) == 0 ? 1 + random.nextInt(3000) : 1 + random.nextInt(20);
        for (int i = 0; i < count; i++) {
          push(vec, random);
        }
      } else if (kind < 55 && len > 0) {
        update(vec, random.nextLong(len), random);
      } else if (kind < 62 && len > 0) {
        vec.delete(random.nextLong(len));
      } else if (kind < 67 && len > 0) {
        vec.truncate(len - 1 - random.nextLong(Math.min(len, 50)));
      } else if (kind < 77) {
        vec.write();
      } else if (kind < 85) {
        long stamp = Math.max(vec.stamp(), nextStamp.getOrDefault(name, 0L)) + 1 + random.nextInt(2);
        nextStamp.put(name, stamp);
        vec.stampedWriteWithChanges(stamp);
      } else if (kind < 87) {
        vec.stampedWrite(vec.stamp() + 1);
      } else if (kind < 92) {
        if (vec.changeStamps().contains(vec.stamp())) {
          if (random.nextBoolean() || vec.changeStamps().size() < 2) {
            vec.rollback();
          } else {
            vec.rollbackBefore(vec.changeStamps().get(vec.changeStamps().size() - 2));
          }
          if (random.nextBoolean()) {
            vec.write();
          }
        }
      } else if (kind < 93) {
        vec.reset();
        vec.write();
      } else if (kind < 94 && random.nextInt(4) == 0) {
        vec.write();
        db.vectors().remove(name);
        vectors.put(name, openLike(db, name));
      } else if (kind < 97) {
        compute();
      } else {
        db.flush();
      }
    }

    private void compute() {
      LongVec source = (LongVec) vectors.get("bytes");
      source.write();
      if (!vectors.containsKey("eager")) {
        vectors.put("eager", openLike(db, "eager"));
      }
      EagerLongVec eager = EagerLongVec.wrap((LongVec) vectors.get("eager"));
      if (source.holeCount() == 0) {
        eager.computeTransform(0, ComputeSource.of(source), v -> v * 3 + 1);
      }
    }

    private static void push(StoredVec vec, Random random) {
      switch (vec) {
        case LongVec v -> v.push(v.type() == NumberType.U64 ? random.nextInt(1000) : random.nextLong());
        case IntVec v -> v.push(random.nextInt(100));
        case DoubleVec v -> v.push(random.nextInt(50) / 4.0);
        case ObjVec<?> v -> pushObject(v, random);
        default -> throw new IllegalStateException(vec.toString());
      }
    }

    private static void update(StoredVec vec, long index, Random random) {
      switch (vec) {
        case LongVec v -> v.update(index, random.nextInt(1000));
        case IntVec v -> v.update(index, -random.nextInt(100));
        case DoubleVec v -> v.update(index, random.nextDouble());
        case ObjVec<?> v -> updateObject(v, index, random);
        default -> throw new IllegalStateException(vec.toString());
      }
    }

    @SuppressWarnings("unchecked")
    private static void pushObject(ObjVec<?> vec, Random random) {
      if (vec.name().equals("hashes")) {
        ((ObjVec<byte[]>) vec).push(bytes(random, 8));
      } else {
        ((ObjVec<Tick>) vec).push(new Tick(random.nextLong(), random.nextDouble(), bytes(random, 4)));
      }
    }

    @SuppressWarnings("unchecked")
    private static void updateObject(ObjVec<?> vec, long index, Random random) {
      if (vec.name().equals("hashes")) {
        ((ObjVec<byte[]>) vec).update(index, bytes(random, 8));
      } else {
        ((ObjVec<Tick>) vec).update(index, new Tick(index, -1.5, bytes(random, 4)));
      }
    }

    private static byte[] bytes(Random random, int n) {
      byte[] out = new byte[n];
      random.nextBytes(out);
      return out;
    }
  }
}

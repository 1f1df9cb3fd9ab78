package dev.vecdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.compute.ComputeSource;
import dev.vecdb.compute.EagerLongVec;
import dev.vecdb.internal.VecAccess;
import dev.vecdb.store.RegionStore;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.StoredVec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded workload on a leader database: vectors of all five formats written with pushes (some large enough to be
 * split across records), updates, holes, truncations, plain and stamped writes with changes, rollbacks, resets, and
 * an eager vector computed from a hole-free series; a flush (a commit) every few operations. And the comparison of a
 * follower with its leader: every region bit for bit, every vector value by value, hole by hole, stamp by stamp.
 */
final class Workload {
  /** The vectors, by name; {@code series} feeds {@code eager} and gets no holes. */
  private static final List<String> NAMES = List.of("bytes", "zerocopy", "pco", "lz4", "zstd", "series", "eager");

  private final Database db;
  private final SplittableRandom random;
  private final Map<String, StoredVec> vectors = new LinkedHashMap<>();
  private long nextStamp = 1;

  /** Opens (or creates) the workload's vectors in {@code db}. */
  Workload(Database db, long seed) {
    this.db = db;
    this.random = new SplittableRandom(seed);
    for (String name : NAMES) {
      vectors.put(name, open(db, name));
    }
    vectors.values().forEach(vec -> nextStamp = Math.max(nextStamp, vec.stamp() + 1));
  }

  /** Opens vector {@code name} as the workload does (leader and follower alike). */
  static StoredVec open(Database db, String name) {
    VecOptions keep = VecOptions.DEFAULT.withSavedStampedChanges(3);
    return switch (name) {
      case "bytes" -> db.longVec(name, NumberType.I64, keep);
      case "zerocopy" -> db.intVec(name, NumberType.I32, keep.withFormat(Format.ZERO_COPY));
      case "pco" -> db.longVec(name, NumberType.I64, keep.withFormat(Format.PCO));
      case "lz4" -> db.doubleVec(name, keep.withFormat(Format.LZ4).withSavedStampedChanges(2));
      case "zstd" -> db.intVec(name, NumberType.I32, keep.withFormat(Format.ZSTD));
      case "series", "eager" -> db.longVec(name, NumberType.I64, VecOptions.DEFAULT);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Runs {@code operations} operations, flushing every 30 to 90 of them; at the end writes every vector (a flush
   * commits what the vectors wrote, not values pushed since) and flushes.
   */
  void run(int operations) {
    int untilFlush = random.nextInt(30, 90);
    for (int op = 0; op < operations; op++) {
      step();
      if (--untilFlush == 0) {
        db.flush();
        untilFlush = random.nextInt(30, 90);
      }
    }
    vectors.values().forEach(StoredVec::write);
    db.flush();
  }

  /** One operation on a random vector; nothing is committed until the next flush. */
  void step() {
    String name = NAMES.get(random.nextInt(NAMES.size() - 2));
    StoredVec vec = vectors.get(name);
    int kind = random.nextInt(100);
    long len = vec.len();
    if (kind < 8) {
      computeEager();
    } else if (kind < 45) {
      int count = random.nextInt(50) == 0 ? random.nextInt(2000, 6000) : random.nextInt(1, 30);
      for (int i = 0; i < count; i++) {
        set(vec, -1);
      }
    } else if (kind < 60 && len > 0) {
      set(vec, random.nextLong(len));
    } else if (kind < 68 && len > 0) {
      vec.delete(random.nextLong(len));
    } else if (kind < 73 && len > 0) {
      vec.truncate(len - 1 - random.nextLong(Math.min(len, 40)));
    } else if (kind < 83) {
      vec.stampedWriteWithChanges(nextStamp++);
    } else if (kind < 90 && vec.changeStamps().contains(vec.stamp())) {
      vec.rollback();
      vec.write();
    } else if (kind < 91) {
      vec.reset();
      vec.write();
    } else {
      vec.write();
    }
  }

  /** Pushes ({@code index < 0}) or updates a value of {@code vec}. */
  private void set(StoredVec vec, long index) {
    switch (vec) {
      case LongVec v when index < 0 -> v.push(random.nextLong(-1_000_000, 1_000_000));
      case LongVec v -> v.update(index, random.nextLong());
      case IntVec v when index < 0 -> v.push(random.nextInt(1000));
      case IntVec v -> v.update(index, -random.nextInt(1000));
      case DoubleVec v when index < 0 -> v.push(random.nextInt(400) / 8.0);
      case DoubleVec v -> v.update(index, random.nextDouble());
      default -> throw new IllegalStateException(vec.toString());
    }
  }

  /** Changes the hole-free series and brings {@code eager = 3 * series + 1} up to date from the first change. */
  private void computeEager() {
    LongVec series = (LongVec) vectors.get("series");
    long changedFrom = series.len();
    if (random.nextInt(4) == 0 && series.len() > 0) {
      changedFrom = series.len() - 1 - random.nextLong(Math.min(series.len(), 30));
      series.truncate(changedFrom);
    }
    for (int i = random.nextInt(1, 200); i > 0; i--) {
      series.push(random.nextLong(1_000_000));
    }
    series.write();
    EagerLongVec.wrap((LongVec) vectors.get("eager")).computeTransform(changedFrom, ComputeSource.of(series),
        v -> v * 3 + 1);
  }

  /**
   * Asserts that {@code follower} holds exactly {@code leader}: the same commit number, the same regions with the
   * same bytes, and through the vectors the same lengths, values, holes, stamps, kept change stamps and computed
   * versions.
   */
  static void assertSame(Database leader, Database follower) {
    assertThat(follower.commitNumber()).as("commit number").isEqualTo(leader.commitNumber());
    assertSameRegions(leader, follower);
    for (String name : NAMES) {
      StoredVec expected = open(leader, name);
      StoredVec actual = open(follower, name);
      assertThat(actual.len()).as("%s length", name).isEqualTo(expected.len());
      assertThat(actual.holes()).as("%s holes", name).isEqualTo(expected.holes());
      assertThat(actual.stamp()).as("%s stamp", name).isEqualTo(expected.stamp());
      assertThat(actual.changeStamps()).as("%s change stamps", name).isEqualTo(expected.changeStamps());
      assertThat(VecAccess.get().computedVersion(actual)).as("%s computed version", name)
          .isEqualTo(VecAccess.get().computedVersion(expected));
      assertThat(values(actual)).as("%s values", name).isEqualTo(values(expected));
    }
  }

  /**
   * Asserts that both databases hold the same regions with the same bytes, compared on hot snapshots of their last
   * commits (the region store underneath an open database is internal).
   */
  private static void assertSameRegions(Database leader, Database follower) {
    try {
      Path dir = Files.createTempDirectory("vecdb-compare");
      try {
        leader.snapshot(dir.resolve("leader"));
        follower.snapshot(dir.resolve("follower"));
        try (RegionStore expected = RegionStore.openReadOnly(dir.resolve("leader"));
            RegionStore actual = RegionStore.openReadOnly(dir.resolve("follower"))) {
          assertThat(actual.ids()).containsExactlyInAnyOrderElementsOf(expected.ids());
          for (String id : expected.ids()) {
            assertThat(actual.get(id).readAll()).as("region %s", id).isEqualTo(expected.get(id).readAll());
          }
        }
      } finally {
        try (var files = Files.walk(dir)) {
          for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every value of {@code vec} in order, null at holes. */
  private static List<Object> values(StoredVec vec) {
    List<Object> values = new ArrayList<>((int) vec.len());
    for (long i = 0; i < vec.len(); i++) {
      values.add(vec.isHole(i) ? null : switch (vec) {
        case LongVec v -> v.get(i);
        case IntVec v -> v.get(i);
        case DoubleVec v -> v.get(i);
        default -> throw new IllegalStateException(vec.toString());
      });
    }
    return values;
  }
}

package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.store.Region;
import dev.vecdb.store.SnapshotReport;
import dev.vecdb.vec.LongVec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot snapshots taken while a writer pushes, updates, deletes, truncates, rewrites and flushes vectors of all five
 * formats and a large region: every copy equals the state of the commit it reports, value by value, hole by hole,
 * stamp by stamp, byte by byte.
 */
class SnapshotTest {
  private static final Format[] FORMATS = Format.values();
  private static final int CHUNK = 4096;
  private static final int CHUNKS = 4096; // a 16 MiB region, so that copying takes a while
  private static final VecOptions OPTIONS = VecOptions.DEFAULT.withSavedStampedChanges(2);

  @TempDir Path tmp;

  /** What one commit holds. */
  record State(long[][] values, long[][] holes, long[] stamps, int[] chunkVersions) {}

  private static byte[] chunk(int index, int version) {
    byte[] bytes = new byte[CHUNK];
    Arrays.fill(bytes, (byte) (index * 31 + version));
    bytes[0] = (byte) version;
    return bytes;
  }

  private static String vecName(Format format) {
    return "v-" + format;
  }

  private static State capture(LongVec[] vecs, int[] chunkVersions, int chunkCount) {
    long[][] values = new long[vecs.length][];
    long[][] holes = new long[vecs.length][];
    long[] stamps = new long[vecs.length];
    for (int v = 0; v < vecs.length; v++) {
      holes[v] = vecs[v].holes();
      values[v] = new long[(int) vecs[v].len()];
      for (int i = 0; i < values[v].length; i++) {
        values[v][i] = Arrays.binarySearch(holes[v], i) >= 0 ? 0 : vecs[v].get(i);
      }
      stamps[v] = vecs[v].stamp();
    }
    return new State(values, holes, stamps, Arrays.copyOf(chunkVersions, chunkCount));
  }

  @Test
  void snapshotsUnderAConcurrentWriterHoldExactlyTheirCommit() throws Exception {
    Path dir = tmp.resolve("db");
    Map<Long, State> commits = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    List<SnapshotReport> snapshots = new ArrayList<>();
    try (Database db = Database.open(dir)) {
      LongVec[] vecs = new LongVec[FORMATS.length];
      for (int v = 0; v < FORMATS.length; v++) {
        vecs[v] = db.longVec(vecName(FORMATS[v]), NumberType.I64, OPTIONS.withFormat(FORMATS[v]));
      }
      Region ballast = db.regions().createIfNeeded("ballast");
      int[] versions = new int[CHUNKS];
      for (int c = 0; c < CHUNKS; c++) {
        ballast.append(chunk(c, 0));
      }
      db.flush();
      commits.put(db.commitNumber(), capture(vecs, versions, CHUNKS));
      Thread writer = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(1717);
        int chunkCount = CHUNKS;
        long stamp = 0;
        try {
          while (!stop.get()) {
            for (LongVec vec : vecs) {
              long len = vec.len();
              int op = random.nextInt(10);
              if (op < 5 || len < 10) {
                for (int i = 0; i < 200; i++) {
                  vec.push(random.nextLong(1_000_000));
                }
              } else if (op < 7) {
                vec.update(random.nextLong(len), random.nextLong());
              } else if (op < 9) {
                vec.delete(random.nextLong(len));
              } else {
                vec.truncate(len - 1 - random.nextLong(Math.min(len, 100)));
              }
            }
            int c = random.nextInt(chunkCount);
            versions[c]++;
            ballast.writeAt((long) c * CHUNK, chunk(c, versions[c]));
            if (random.nextInt(20) == 0 && chunkCount > 64) {
              chunkCount = chunkCount / 2 + random.nextInt(chunkCount / 2);
              ballast.truncate((long) chunkCount * CHUNK);
            } else if (chunkCount < CHUNKS && random.nextBoolean()) {
              versions[chunkCount]++;
              ballast.append(chunk(chunkCount, versions[chunkCount]));
              chunkCount++;
            }
            stamp++;
            for (LongVec vec : vecs) {
              vec.stampedWriteWithChanges(stamp);
            }
            db.flush();
            commits.put(db.commitNumber(), capture(vecs, versions, chunkCount));
          }
        } catch (Throwable t) {
          writerFailure.set(t);
        }
      }, "writer");
      writer.start();
      try {
        for (int s = 0; s < 4; s++) {
          Thread.sleep(100);
          // the writer commits while the snapshots run: s + 1 times by now, however slowly it is scheduled (this
          // wait fails the test otherwise)
          int recorded = s + 2;
          Awaitility.await().atMost(Duration.ofSeconds(60))
              .until(() -> commits.size() >= recorded || writerFailure.get() != null);
          snapshots.add(db.snapshot(tmp.resolve("snap-" + s)));
        }
      } finally {
        stop.set(true);
        writer.join();
      }
      assertThat(writerFailure.get()).isNull();
    }
    long previous = 0;
    for (int s = 0; s < snapshots.size(); s++) {
      SnapshotReport report = snapshots.get(s);
      assertThat(report.commitNumber()).as("snapshot %d", s).isGreaterThanOrEqualTo(previous);
      previous = report.commitNumber();
      State expected = commits.get(report.commitNumber());
      assertThat(expected).as("commit %d was recorded", report.commitNumber()).isNotNull();
      try (Database copy = Database.open(report.target(), DatabaseOptions.DEFAULT.withReadOnly(s % 2 == 0))) {
        assertThat(copy.commitNumber()).isEqualTo(report.commitNumber());
        for (int v = 0; v < FORMATS.length; v++) {
          LongVec vec = copy.longVec(vecName(FORMATS[v]), NumberType.I64, OPTIONS.withFormat(FORMATS[v]));
          String what = "snapshot " + s + " (commit " + report.commitNumber() + "), " + FORMATS[v];
          assertThat(vec.stamp()).as(what).isEqualTo(expected.stamps()[v]);
          assertThat(vec.holes()).as(what).containsExactly(expected.holes()[v]);
          assertThat(vec.len()).as(what).isEqualTo(expected.values()[v].length);
          for (int i = 0; i < expected.values()[v].length; i++) {
            if (Arrays.binarySearch(expected.holes()[v], i) < 0) {
              assertThat(vec.get(i)).as("%s index %d", what, i).isEqualTo(expected.values()[v][i]);
            }
          }
        }
        Region ballast = copy.regions().get("ballast");
        int[] versions = expected.chunkVersions();
        assertThat(ballast.length()).isEqualTo((long) versions.length * CHUNK);
        for (int c = 0; c < versions.length; c++) {
          assertThat(ballast.read((long) c * CHUNK, CHUNK)).as("snapshot %d chunk %d", s, c)
              .isEqualTo(chunk(c, versions[c]));
        }
        if (s % 2 == 1) {
          LongVec first = copy.longVec(vecName(FORMATS[0]), NumberType.I64, OPTIONS.withFormat(FORMATS[0]));
          first.push(42);
          first.flush();
          assertThat(copy.commitNumber()).as("a copy is a normal database").isEqualTo(report.commitNumber() + 1);
        }
      }
    }
  }

  @Test
  void theTargetMustBeNewOrAnEmptyDirectoryAndTheCopyIsSparse() throws Exception {
    Path dir = tmp.resolve("db");
    try (Database db = Database.open(dir)) {
      db.regions().createIfNeeded("small").append(new byte[] {1, 2, 3});
      db.regions().createIfNeeded("zeros").append(new byte[8 * CHUNK]);
      db.flush();
      Path occupied = Files.createDirectories(tmp.resolve("occupied"));
      Files.writeString(occupied.resolve("x"), "x");
      assertThatThrownBy(() -> db.snapshot(occupied)).isInstanceOf(AlreadyExistsException.class)
          .hasMessageContaining(occupied.toString()).hasMessageContaining("not an empty directory");
      Path file = Files.writeString(tmp.resolve("file"), "x");
      assertThatThrownBy(() -> db.snapshot(file)).isInstanceOf(AlreadyExistsException.class);
      Path empty = Files.createDirectories(tmp.resolve("empty"));
      SnapshotReport report = db.snapshot(empty);
      assertThat(report.copiedBytes()).as("all-zero blocks are not copied").isLessThan(2 * CHUNK);
      assertThat(Files.size(empty.resolve("data"))).isEqualTo(Files.size(dir.resolve("data")));
      try (Database copy = Database.open(empty)) {
        assertThat(copy.regions().get("small").readAll()).containsExactly(1, 2, 3);
        assertThat(copy.regions().get("zeros").readAll()).hasSize(8 * CHUNK).containsOnly(0);
        assertThat(copy.commitNumber()).isEqualTo(1);
      }
    }
  }
}

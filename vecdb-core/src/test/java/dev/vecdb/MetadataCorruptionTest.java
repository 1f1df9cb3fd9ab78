package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages every kind of metadata on purpose — region-table slots, vector headers, hole sets, page tables, change
 * sets, a torn region table — and checks that opening and reading either fails with a {@link CorruptionException} or
 * returns exactly the original values: never wrong values.
 */
class MetadataCorruptionTest {
  private static final VecOptions RAW = VecOptions.DEFAULT.withSavedStampedChanges(3);
  private static final VecOptions PAGED = RAW.withFormat(Format.LZ4);

  @TempDir Path tmp;
  private Path original;
  private String expected;

  @BeforeEach
  void buildDatabase() {
    original = tmp.resolve("original");
    try (Database db = Database.open(original)) {
      LongVec raw = db.longVec("raw", NumberType.I64, RAW);
      LongVec paged = db.longVec("paged", NumberType.I64, PAGED);
      for (long i = 0; i < 5000; i++) {
        raw.push(i * 7);
        paged.push(i * 11);
      }
      raw.stampedWriteWithChanges(1);
      paged.stampedWriteWithChanges(1);
      raw.delete(3);
      raw.update(10, -10);
      paged.update(2100, -1);
      raw.stampedWriteWithChanges(2);
      paged.stampedWriteWithChanges(2);
      db.flush();
      expected = observe(db);
    }
  }

  @Test
  void damagedSlotsHeadersHolesPagesAndChangeSetsAreReportedNeverServed() {
    SplittableRandom random = new SplittableRandom(7);
    List<long[]> targets = new ArrayList<>();
    try (Database db = Database.open(original)) {
      long slots = (fileSize("regions") - 4096) / 2048;
      for (int slot = 0; slot < slots; slot++) {
        targets.add(new long[] {0, 4096 + slot * 2048L + random.nextInt(40)});
      }
      for (String id : db.regions().ids()) {
        long start = db.regions().get(id).start();
        long length = db.regions().get(id).length();
        int samples = id.equals("raw") || id.equals("paged") ? 6 : 3;
        for (int i = 0; i < samples; i++) {
          long within = id.equals("raw") ? random.nextLong(64) : random.nextLong(Math.max(1, Math.min(length, 400)));
          targets.add(new long[] {1, start + within});
        }
      }
    }
    for (long[] target : targets) {
      String file = target[0] == 0 ? "regions" : "data";
      Path copy = copyOfOriginal();
      flip(copy.resolve(file), target[1]);
      assertReportedOrIntact(copy, file + " byte " + target[1]);
    }
  }

  @Test
  void tornRegionTableIsAClearError() throws IOException {
    Path copy = copyOfOriginal();
    try (FileChannel channel = FileChannel.open(copy.resolve("regions"), StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 1000);
    }
    assertReportedOrIntact(copy, "torn region table");
  }

  private void assertReportedOrIntact(Path dir, String damage) {
    try (Database db = Database.open(dir)) {
      String seen = observe(db);
      assertThat(seen).as("values after damaging %s", damage).isEqualTo(expected);
    } catch (CorruptionException reported) {
      assertThat(reported.getMessage()).as("message for %s", damage).isNotBlank();
    } catch (MismatchException | NotFoundException wrongKind) {
      fail("damaging " + damage + " was reported as " + wrongKind + " instead of corruption");
    }
  }

  /** Everything a user can read: values with holes, stamps, and the state after rolling back once. */
  private static String observe(Database db) {
    LongVec raw = db.longVec("raw", NumberType.I64, RAW);
    LongVec paged = db.longVec("paged", NumberType.I64, PAGED);
    StringBuilder out = new StringBuilder();
    for (LongVec v : List.of(raw, paged)) {
      out.append(v.name()).append(v.stamp()).append(Arrays.toString(v.collectHoled(0, v.len())));
      v.rollback();
      out.append(v.stamp()).append(Arrays.toString(v.collectHoled(0, v.len())));
    }
    return out.toString();
  }

  private Path copyOfOriginal() {
    return TestFiles.copyDatabase(original, tmp.resolve("copy-" + System.nanoTime()));
  }

  private long fileSize(String name) {
    try {
      return Files.size(original.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void flip(Path file, long offset) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
      channel.write(one, offset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.ConcurrentMutationException;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One writer per vector: the thread that mutates a vector owns it until its next write; every mutation from another
 * thread meanwhile is rejected with a {@link ConcurrentMutationException} and changes nothing, and threads racing to
 * write are serialized without losing or mixing a value.
 */
class SingleWriterTest {
  @TempDir Path dir;

  /** Every mutation a second thread might try. */
  private static Map<String, Consumer<LongVec>> mutations() {
    Map<String, Consumer<LongVec>> all = new LinkedHashMap<>();
    all.put("push", v -> v.push(1));
    all.put("checkedPush", v -> v.checkedPush(v.len(), 1));
    all.put("update stored", v -> v.update(0, 1));
    all.put("update pushed", v -> v.update(v.len() - 1, 1));
    all.put("delete", v -> v.delete(0));
    all.put("take", v -> v.take(1));
    all.put("truncate", v -> v.truncate(1));
    all.put("clear", LongVec::clear);
    all.put("reset", LongVec::reset);
    all.put("fillFirstHoleOrPush", v -> v.fillFirstHoleOrPush(1));
    all.put("updateStamp", v -> v.updateStamp(9));
    all.put("stampedWrite", v -> v.stampedWrite(9));
    all.put("write", LongVec::write);
    all.put("flush", LongVec::flush);
    return all;
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void mutationsFromAnotherThreadAreRejectedWhileTheOwnerWrites(Format format) throws Exception {
    try (Database db = Database.open(dir); ExecutorService other = Executors.newSingleThreadExecutor(
        r -> new Thread(r, "intruder"))) {
      LongVec v = db.longVec("owned", NumberType.I64, VecOptions.of(format));
      for (long i = 0; i < 10; i++) {
        v.push(i);
      }
      v.write();
      v.push(10);
      v.delete(3);
      String owner = Thread.currentThread().getName();
      for (Map.Entry<String, Consumer<LongVec>> mutation : mutations().entrySet()) {
        Future<?> attempt = other.submit(() -> mutation.getValue().accept(v));
        assertThatThrownBy(attempt::get).as(mutation.getKey()).hasCauseInstanceOf(ConcurrentMutationException.class)
            .cause().hasMessageContaining("'owned'").hasMessageContaining("'" + owner + "'")
            .hasMessageContaining("'intruder'");
      }
      assertThat(v.len()).isEqualTo(11);
      assertThat(v.holes()).containsExactly(3);
      assertThat(v.stamp()).isZero();
      assertThat(v.collect()).containsExactly(0, 1, 2, 4, 5, 6, 7, 8, 9, 10);
      v.push(11);
      assertThat(v.write()).isTrue();

      other.submit(() -> {
        v.push(12);
        v.update(0, -1);
      }).get();
      assertThatThrownBy(() -> v.push(0)).isInstanceOf(ConcurrentMutationException.class)
          .hasMessageContaining("'intruder'");
      assertThat(other.submit(v::write).get()).isTrue();
      v.push(13);
      v.write();
      assertThat(v.collect()).containsExactly(-1, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void racingWritersAreSerialized(Format format) throws Exception {
    int threads = 4;
    int transactions = 300;
    try (Database db = Database.open(dir); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      LongVec v = db.longVec("raced", NumberType.I64, VecOptions.of(format));
      List<Callable<Integer>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long thread = t;
        writers.add(() -> {
          int rejected = 0;
          for (long k = 0; k < transactions; k++) {
            while (true) {
              try {
                v.push(thread << 32 | k << 1);
                v.push(thread << 32 | k << 1 | 1);
                v.write();
                break;
              } catch (ConcurrentMutationException busy) {
                rejected++;
                Thread.onSpinWait();
              }
            }
          }
          return rejected;
        });
      }
      for (Future<Integer> done : pool.invokeAll(writers)) {
        done.get();
      }
      long[] values = v.collect();
      assertThat(values).hasSize(threads * transactions * 2);
      for (int i = 0; i < values.length; i += 2) {
        assertThat(values[i + 1]).as("the pair at %d was not interleaved", i).isEqualTo(values[i] | 1);
      }
      long[] sorted = values.clone();
      Arrays.sort(sorted);
      long[] expected = new long[values.length];
      int n = 0;
      for (long t = 0; t < threads; t++) {
        for (long k = 0; k < transactions * 2; k++) {
          expected[n++] = t << 32 | k;
        }
      }
      assertThat(sorted).as("every accepted push exactly once").isEqualTo(expected);
    }
  }
}

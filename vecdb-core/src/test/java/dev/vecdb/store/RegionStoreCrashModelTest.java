package dev.vecdb.store;

import static dev.vecdb.TestFiles.crashCopy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of region operations checked against a model: the live store always equals the model, and a
 * crash at any point (a copy of the files) or a close without flush reopens at exactly the model as of the last
 * flush.
 */
class RegionStoreCrashModelTest {
  @TempDir Path tmp;

  private static Map<String, byte[]> snapshot(Map<String, byte[]> model) {
    Map<String, byte[]> copy = new TreeMap<>();
    model.forEach((id, bytes) -> copy.put(id, bytes.clone()));
    return copy;
  }

  private static Map<String, byte[]> contents(RegionStore store) {
    Map<String, byte[]> all = new TreeMap<>();
    for (String id : store.ids()) {
      all.put(id, store.get(id).readAll());
    }
    return all;
  }

  private static byte[] randomBytes(Random random, int max) {
    byte[] bytes = new byte[random.nextInt(max + 1)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] writeInto(byte[] old, long at, byte[] src, boolean exact) {
    int newLength = exact ? (int) at + src.length : Math.max(old.length, (int) at + src.length);
    byte[] result = Arrays.copyOf(old, newLength);
    System.arraycopy(src, 0, result, (int) at, src.length);
    return result;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void crashesAlwaysReopenAtTheLastFlush(long seed) {
    Random random = new Random(seed);
    Path db = tmp.resolve("db");
    Map<String, byte[]> model = new TreeMap<>();
    Map<String, byte[]> flushed = new TreeMap<>();
    int crashes = 0;
    RegionStore store = RegionStore.open(db);
    try {
      for (int step = 0; step < 250; step++) {
        List<String> ids = new ArrayList<>(model.keySet());
        String some = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
        int op = random.nextInt(100);
        if (some == null || op < 8) {
          String id = "r" + random.nextInt(12);
          store.createIfNeeded(id);
          model.putIfAbsent(id, new byte[0]);
        } else if (op < 35) {
          byte[] src = randomBytes(random, random.nextInt(10) == 0 ? 40_000 : 3000);
          store.get(some).append(src);
          model.put(some, writeInto(model.get(some), model.get(some).length, src, false));
        } else if (op < 55) {
          long at = random.nextInt(model.get(some).length + 1);
          byte[] src = randomBytes(random, 5000);
          store.get(some).writeAt(at, src);
          model.put(some, writeInto(model.get(some), at, src, false));
        } else if (op < 62) {
          long at = random.nextInt(model.get(some).length + 1);
          byte[] src = randomBytes(random, 9000);
          store.get(some).truncateAndWrite(at, src);
          model.put(some, writeInto(model.get(some), at, src, true));
        } else if (op < 68) {
          int length = random.nextInt(model.get(some).length + 1);
          store.get(some).truncate(length);
          model.put(some, Arrays.copyOf(model.get(some), length));
        } else if (op < 73) {
          String to = "r" + random.nextInt(12);
          if (!model.containsKey(to)) {
            store.rename(some, to);
            model.put(to, model.remove(some));
          }
        } else if (op < 78) {
          store.remove(some);
          model.remove(some);
        } else if (op < 88) {
          store.flush();
          flushed = snapshot(model);
        } else if (op < 90) {
          store.compact();
          flushed = snapshot(model);
        } else if (op < 92) {
          store.close();
          store = RegionStore.open(db);
          model = snapshot(flushed);
        } else {
          Path crash = crashCopy(db, tmp.resolve("crash" + crashes++));
          try (RegionStore recovered = RegionStore.open(crash)) {
            assertThat(contents(recovered)).as("seed %d, step %d", seed, step)
                .containsExactlyInAnyOrderEntriesOf(flushed);
          }
        }
        if (step % 20 == 0) {
          assertThat(contents(store)).as("live, seed %d, step %d", seed, step)
              .containsExactlyInAnyOrderEntriesOf(model);
        }
      }
    } finally {
      store.close();
    }
    assertThat(crashes).isPositive();
    try (RegionStore reopened = RegionStore.open(db)) {
      assertThat(contents(reopened)).containsExactlyInAnyOrderEntriesOf(flushed);
    }
  }
}

package dev.vecdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.AlreadyExistsException;
import dev.vecdb.ClosedException;
import dev.vecdb.NotFoundException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegionStoreConcurrencyTest {
  @TempDir Path dir;
  private RegionStore store;
  private ExecutorService pool;

  @BeforeEach
  void open() {
    store = RegionStore.open(dir);
    pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
  }

  @AfterEach
  void close() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("worker threads are stuck (deadlock?)").isTrue();
    store.close();
  }

  /** Runs every task on its own thread, all released at once, and waits for all (rethrowing the first failure). */
  private <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
    CountDownLatch ready = new CountDownLatch(tasks.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        return task.call();
      }));
    }
    ready.await();
    go.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(45, TimeUnit.SECONDS));
    }
    return results;
  }

  /** The byte a region filled by {@link #appendPattern} holds at {@code offset}. */
  private static byte expected(int seed, long offset) {
    return (byte) (seed * 7 + offset * 13 + (offset >>> 9));
  }

  private static void appendPattern(Region region, int seed, int length) {
    long from = region.length();
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = expected(seed, from + i);
    }
    region.append(bytes);
  }

  private static boolean matches(MemorySegment bytes, int seed) {
    for (long i = 0; i < bytes.byteSize(); i++) {
      if (bytes.get(ValueLayout.JAVA_BYTE, i) != expected(seed, i)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void concurrentCreationGivesOneHandlePerId() throws Exception {
    List<Callable<List<Region>>> tasks = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int thread = t;
      tasks.add(() -> {
        List<Region> got = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          got.add(store.createIfNeeded("shared-" + i));
          got.add(store.createIfNeeded("own-" + thread + "-" + i));
        }
        return got;
      });
    }
    List<List<Region>> results = runTogether(tasks);
    for (int i = 0; i < 50; i++) {
      Region shared = store.get("shared-" + i);
      for (List<Region> got : results) {
        assertThat(got.get(2 * i)).isSameAs(shared);
      }
    }
    assertThat(store.ids()).hasSize(50 + 16 * 50);
    Set<Long> starts = new HashSet<>();
    store.regions().forEach(r -> starts.add(r.start()));
    assertThat(starts).as("no two regions share space").hasSize(50 + 16 * 50);
    store.flush();
  }

  @Test
  void concurrentAppendsToDifferentRegions() throws Exception {
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      int seed = t;
      tasks.add(() -> {
        Region region = store.createIfNeeded("r" + seed);
        for (int i = 0; i < 1000; i++) {
          appendPattern(region, seed, 1 + (i % 97));
        }
        return null;
      });
    }
    runTogether(tasks);
    store.flush();
    for (int t = 0; t < 10; t++) {
      assertThat(matches(MemorySegment.ofArray(store.get("r" + t).readAll()), t)).isTrue();
    }
    long length = store.get("r3").length();
    store.close();
    store = RegionStore.open(dir);
    assertThat(store.get("r3").length()).isEqualTo(length);
    for (int t = 0; t < 10; t++) {
      assertThat(matches(store.get("r" + t).segment(), t)).as("r" + t).isTrue();
    }
  }

  @Test
  void readersSeeConsistentBytesWhileRegionsGrowMoveAndFlush() throws Exception {
    Region read = store.createIfNeeded("read");
    appendPattern(read, 1, 1000);
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    AtomicLong inconsistent = new AtomicLong();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      boolean pinned = t % 2 == 0;
      tasks.add(() -> {
        while (!done.get()) {
          if (pinned) {
            try (RegionReader reader = read.reader()) {
              if (!matches(reader.segment(), 1)) {
                inconsistent.incrementAndGet();
              }
            }
          } else {
            long length = read.length();
            long offset = ThreadLocalRandom.current().nextLong(length);
            byte[] bytes = read.read(offset, (int) Math.min(length - offset, 300));
            for (int i = 0; i < bytes.length; i++) {
              if (bytes[i] != expected(1, offset + i)) {
                inconsistent.incrementAndGet();
                break;
              }
            }
          }
          reads.incrementAndGet();
        }
        return null;
      });
    }
    for (int t = 0; t < 3; t++) {
      int seed = 10 + t;
      tasks.add(() -> {
        Region grower = store.createIfNeeded("grow" + seed);
        for (int i = 0; i < 400; i++) {
          appendPattern(grower, seed, 1 + i * 37);
          if (seed == 10 && i % 50 == 0) {
            appendPattern(read, 1, 1 + i * 53);
          }
        }
        return null;
      });
    }
    tasks.add(() -> {
      for (int i = 0; i < 30; i++) {
        store.flush();
      }
      return null;
    });
    List<Future<Void>> readers = new ArrayList<>();
    for (Callable<Void> reader : tasks.subList(0, 8)) {
      readers.add(pool.submit(reader));
    }
    try {
      runTogether(tasks.subList(8, tasks.size()));
    } finally {
      done.set(true);
    }
    for (Future<Void> reader : readers) {
      reader.get(10, TimeUnit.SECONDS);
    }
    assertThat(inconsistent.get()).isZero();
    assertThat(reads.get()).isPositive();
    assertThat(read.start()).as("the read region moved").isNotZero();
    assertThat(matches(read.segment(), 1)).isTrue();
  }

  @Test
  void concurrentRenames() throws Exception {
    for (int i = 0; i < 10; i++) {
      store.createIfNeeded("n" + i).append(new byte[] {(byte) i});
    }
    Set<String> lostRaces = ConcurrentHashMap.newKeySet();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      int i = t;
      tasks.add(() -> {
        Region region = store.get("n" + i);
        for (int round = 0; round < 200; round++) {
          region.rename("n" + i + "-" + round);
          try {
            store.rename(region.id(), "contested");
            store.rename("contested", "n" + i + "-back-" + round);
          } catch (AlreadyExistsException | NotFoundException lost) {
            lostRaces.add(region.id());
          }
        }
        region.rename("n" + i);
        return null;
      });
    }
    runTogether(tasks);
    for (int i = 0; i < 10; i++) {
      assertThat(store.get("n" + i).readAll()).containsExactly(i);
    }
    assertThat(store.ids()).hasSize(10);
    store.flush();
    store.close();
    store = RegionStore.open(dir);
    assertThat(store.ids()).hasSize(10).contains("n0", "n9");
  }

  @Test
  void removingARegionWhileOthersWriteToItNeitherDeadlocksNorCorrupts() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      tasks.add(() -> {
        while (!done.get()) {
          try {
            store.createIfNeeded("victim").append(new byte[100]);
          } catch (NotFoundException removedMeanwhile) {
            // the remover won this round
          }
        }
        return null;
      });
    }
    tasks.add(() -> {
      for (int i = 0; i < 2000; i++) {
        store.removeIfExists("victim");
        if (i % 100 == 0) {
          store.flush();
        }
      }
      done.set(true);
      return null;
    });
    runTogether(tasks);
    store.flush();
    store.close();
    store = RegionStore.open(dir);
    assertThat(store.ids()).isSubsetOf("victim");
  }

  @Test
  void closingWhileOtherThreadsReadAndWriteReleasesEverything() throws Exception {
    Region region = store.createIfNeeded("r");
    appendPattern(region, 2, 50_000);
    store.flush();
    AtomicLong unexpected = new AtomicLong();
    CountDownLatch running = new CountDownLatch(6);
    List<Future<Void>> users = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      boolean writer = t < 2;
      users.add(pool.submit(() -> {
        running.countDown();
        try {
          while (true) {
            if (writer) {
              store.createIfNeeded("w" + Thread.currentThread().threadId()).append(new byte[1000]);
            } else if (!matches(region.segment(), 2)) {
              unexpected.incrementAndGet();
            }
          }
        } catch (ClosedException | IllegalStateException closed) {
          return null;
        }
      }));
    }
    running.await();
    store.close();
    for (Future<Void> user : users) {
      user.get(20, TimeUnit.SECONDS);
    }
    assertThat(unexpected.get()).isZero();
    store = RegionStore.open(dir);
    assertThat(matches(store.get("r").segment(), 2)).isTrue();
  }
}

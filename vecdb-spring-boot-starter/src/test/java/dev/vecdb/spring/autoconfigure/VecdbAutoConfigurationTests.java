package dev.vecdb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.VecdbPeriodicFlush;
import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.vec.ByteVec;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.FloatVec;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.ShortVec;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

class VecdbAutoConfigurationTests {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(VecdbAutoConfiguration.class));

  @TempDir
  Path dir;

  private ApplicationContextRunner inDir() {
    return runner.withPropertyValues("vecdb.path=" + dir);
  }

  @Test
  void defaultsDescribeAVecdbDirectoryUnderTheWorkingDirectory() {
    VecdbProperties defaults = new VecdbProperties();
    assertThat(defaults.getPath()).isEqualTo(Path.of("vecdb"));
    assertThat(defaults.getDefaultFormat()).isEqualTo(Format.BYTES);
    assertThat(defaults.getSavedStampedChanges()).isZero();
    assertThat(defaults.isResetOnMismatch()).isFalse();
    assertThat(defaults.isFlushOnShutdown()).isTrue();
    assertThat(defaults.getFlushInterval()).isZero();
    assertThat(defaults.getVectors()).isEmpty();
    assertThat(defaults.getEndpoint().isRollbackEnabled()).isFalse();
    assertThat(defaults.getEndpoint().getMaxValues()).isEqualTo(1000);
    assertThat(defaults.getHealth().getMinFreeSpace().toMegabytes()).isEqualTo(100);
  }

  @Test
  void opensTheDatabaseWithTheDefaultBeans() {
    inDir().run(context -> {
      assertThat(context).hasSingleBean(Database.class).hasSingleBean(VecdbVectors.class)
          .hasSingleBean(VecdbFlusher.class).hasSingleBean(VectorDeclarations.class)
          .doesNotHaveBean(VecdbPeriodicFlush.class);
      assertThat(context.getBean(Database.class).path()).isEqualTo(dir.toAbsolutePath());
      assertThat(context.getBean(VecdbVectors.class).all()).isEmpty();
    });
  }

  @Test
  void relativePathResolvesAgainstTheWorkingDirectory() {
    Path relative = Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath());
    runner.withPropertyValues("vecdb.path=" + relative).run(context ->
        assertThat(context.getBean(Database.class).path()).isEqualTo(dir.toAbsolutePath()));
  }

  @Test
  void registersOneTypedBeanPerDeclaredVector() {
    inDir().withPropertyValues("vecdb.vectors.prices.type=i64", "vecdb.vectors.heights.type=u32",
        "vecdb.vectors.flags.type=u8", "vecdb.vectors.temps.type=f64", "vecdb.vectors.ratios.type=f32",
        "vecdb.vectors.levels.type=i16").run(context -> {
          assertThat(context.getBean("prices")).isInstanceOf(LongVec.class);
          assertThat(context.getBean("heights")).isInstanceOf(IntVec.class);
          assertThat(context.getBean("flags")).isInstanceOf(ByteVec.class);
          assertThat(context.getBean("temps")).isInstanceOf(DoubleVec.class);
          assertThat(context.getBean("ratios")).isInstanceOf(FloatVec.class);
          assertThat(context.getBean("levels")).isInstanceOf(ShortVec.class);
          assertThat(context.getBean("heights", IntVec.class).type()).isEqualTo(NumberType.U32);
          assertThat(context.getBean(VecdbVectors.class).all()).extracting(v -> v.name())
              .containsExactly("prices", "heights", "flags", "temps", "ratios", "levels");
        });
  }

  /** A record type as an application declares it for {@code type: record:...}. */
  public record Candle(double open, double close, long volume) {}

  @Test
  void byteArrayAndRecordVectorsAreObjVecBeans() {
    inDir().withPropertyValues("vecdb.vectors.hashes.type=bytes32", "vecdb.vectors.hashes.format=zstd",
        "vecdb.vectors.candles.type=record:" + Candle.class.getName(), "vecdb.vectors.candles.format=lz4")
        .run(context -> {
          @SuppressWarnings("unchecked")
          ObjVec<byte[]> hashes = context.getBean("hashes", ObjVec.class);
          @SuppressWarnings("unchecked")
          ObjVec<Candle> candles = context.getBean("candles", ObjVec.class);
          hashes.push(new byte[32]);
          candles.push(new Candle(1.5, 2.5, 100));
          hashes.write();
          candles.write();
          assertThat(hashes.format()).isEqualTo(Format.ZSTD);
          assertThat(hashes.typeLabel()).isEqualTo("bytes[32]");
          assertThat(candles.get(0)).isEqualTo(new Candle(1.5, 2.5, 100));
        });
  }

  @Test
  void vectorBeansAreInjectableByTypeAndQualifier() {
    inDir().withPropertyValues("vecdb.vectors.prices.type=i64", "vecdb.vectors.volumes.type=i64")
        .withUserConfiguration(Consumer.class).run(context -> {
          Consumer consumer = context.getBean(Consumer.class);
          assertThat(consumer.prices().name()).isEqualTo("prices");
          assertThat(consumer.volumes().name()).isEqualTo("volumes");
          assertThat(consumer.prices()).isSameAs(context.getBean(VecdbVectors.class).find("prices").orElseThrow());
          assertThat(context.getBeansOfType(LongVec.class)).containsOnlyKeys("prices", "volumes");
        });
  }

  @Test
  void vectorOptionsInheritTheDatabaseDefaultsUnlessSet() {
    inDir().withPropertyValues("vecdb.default-format=zero-copy", "vecdb.saved-stamped-changes=5",
        "vecdb.reset-on-mismatch=true", "vecdb.vectors.a.type=i64", "vecdb.vectors.b.type=i64",
        "vecdb.vectors.b.format=bytes", "vecdb.vectors.b.version=3", "vecdb.vectors.b.saved-stamped-changes=2",
        "vecdb.vectors.b.reset-on-mismatch=false").run(context -> {
          VecdbVectors vectors = context.getBean(VecdbVectors.class);
          assertThat(vectors.declaration("a").orElseThrow().options())
              .isEqualTo(new VecOptions(Format.ZERO_COPY, 1, 5, true, 0));
          assertThat(vectors.declaration("b").orElseThrow().options())
              .isEqualTo(new VecOptions(Format.BYTES, 3, 2, false, 0));
          assertThat(context.getBean("a", LongVec.class).format()).isEqualTo(Format.ZERO_COPY);
          assertThat(context.getBean("b", LongVec.class).version()).isEqualTo(3);
        });
  }

  @Test
  void resetOnMismatchWipesAVectorStoredWithAnotherVersion() {
    inDir().withPropertyValues("vecdb.vectors.prices.type=i64").run(context -> {
      LongVec prices = context.getBean("prices", LongVec.class);
      prices.push(7);
      prices.write();
    });
    inDir().withPropertyValues("vecdb.vectors.prices.type=i64", "vecdb.vectors.prices.version=2",
        "vecdb.vectors.prices.reset-on-mismatch=true").run(context ->
            assertThat(context.getBean("prices", LongVec.class).len()).isZero());
  }

  @Test
  void contextCloseWritesPushedValuesFlushesAndCloses() {
    inDir().withPropertyValues("vecdb.vectors.prices.type=i64").run(context -> {
      LongVec prices = context.getBean("prices", LongVec.class);
      prices.push(10);
      prices.push(20);
      prices.write();
      prices.push(30);
      Database database = context.getBean(Database.class);
      context.close();
      assertThat(database.isOpen()).isFalse();
    });
    try (Database database = Database.open(dir)) {
      LongVec prices = database.longVec("prices", NumberType.I64, VecOptions.DEFAULT);
      assertThat(prices.collect()).containsExactly(10, 20, 30);
    }
  }

  @Test
  void aVectorOwnedByAnotherWriterThreadKeepsItsWrittenStateAtShutdown() {
    inDir().withPropertyValues("vecdb.vectors.prices.type=i64").run(context -> {
      LongVec prices = context.getBean("prices", LongVec.class);
      prices.push(10);
      prices.write();
      Thread writer = new Thread(() -> prices.push(20));
      writer.start();
      writer.join();
    });
    try (Database database = Database.open(dir)) {
      assertThat(database.longVec("prices", NumberType.I64, VecOptions.DEFAULT).collect()).containsExactly(10);
    }
  }

  @Test
  void withoutFlushOnShutdownUnflushedChangesAreDiscarded() {
    inDir().withPropertyValues("vecdb.flush-on-shutdown=false", "vecdb.vectors.prices.type=i64").run(context -> {
      LongVec prices = context.getBean("prices", LongVec.class);
      prices.push(10);
      prices.write();
    });
    try (Database database = Database.open(dir)) {
      assertThat(database.longVec("prices", NumberType.I64, VecOptions.DEFAULT).len()).isZero();
    }
  }

  @Test
  void flushIntervalFlushesInTheBackgroundAndStopsOnClose() {
    inDir().withPropertyValues("vecdb.flush-interval=20ms").run(context -> {
      assertThat(context).hasSingleBean(VecdbPeriodicFlush.class);
      VecdbFlusher flusher = context.getBean(VecdbFlusher.class);
      await().atMost(Duration.ofSeconds(10)).until(() -> flusher.lastSuccess().isPresent());
      VecdbPeriodicFlush periodic = context.getBean(VecdbPeriodicFlush.class);
      context.close();
      assertThat(periodic.isRunning()).isFalse();
    });
  }

  /** Flush observations, with the thread each ran on. */
  static final class FlushThreads implements ObservationHandler<Observation.Context> {
    final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(Observation.Context context) {
      if (context.getName().equals(VecdbFlusher.OBSERVATION)) {
        threads.add(Thread.currentThread());
      }
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }

    ObservationRegistry registry() {
      ObservationRegistry registry = ObservationRegistry.create();
      registry.observationConfig().observationHandler(this);
      return registry;
    }
  }

  @Test
  void backgroundFlushesRunOnTheApplicationsTaskScheduler() {
    FlushThreads flushes = new FlushThreads();
    SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
    scheduler.setThreadNamePrefix("app-scheduler-");
    try {
      inDir().withPropertyValues("vecdb.flush-interval=20ms")
          .withBean(ObservationRegistry.class, flushes::registry)
          .withBean(TaskScheduler.class, () -> scheduler).run(context -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> flushes.threads.size() >= 2);
            assertThat(flushes.threads).allMatch(thread -> thread.getName().startsWith("app-scheduler-"));
          });
    } finally {
      scheduler.close();
    }
  }

  @Test
  void withoutAnApplicationSchedulerBackgroundFlushesFollowBootsVirtualThreadsSetting() {
    FlushThreads flushes = new FlushThreads();
    inDir().withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
        .withPropertyValues("vecdb.flush-interval=20ms", "spring.threads.virtual.enabled=true")
        .withBean(ObservationRegistry.class, flushes::registry).run(context -> {
          await().atMost(Duration.ofSeconds(10)).until(() -> flushes.threads.size() >= 2);
          assertThat(flushes.threads).allMatch(Thread::isVirtual)
              .allMatch(thread -> thread.getName().startsWith("vecdb-flush-"));
        });
  }

  @Test
  void aTemporaryDirectoryPerContextIsDeletedWhenTheContextCloses() {
    Path[] paths = new Path[2];
    ApplicationContextRunner temporary = runner.withPropertyValues("vecdb.temporary-directory=true",
        "vecdb.vectors.prices.type=i64");
    temporary.run(first -> {
      paths[0] = first.getBean(Database.class).path();
      temporary.run(second -> {
        paths[1] = second.getBean(Database.class).path();
        LongVec prices = second.getBean("prices", LongVec.class);
        prices.push(1);
        prices.write();
        assertThat(paths[1]).isNotEqualTo(paths[0]).isDirectory();
      });
      assertThat(paths[1]).doesNotExist();
      assertThat(paths[0]).isDirectory();
      assertThat(paths[0]).isNotEqualTo(Path.of("vecdb").toAbsolutePath());
    });
    assertThat(paths[0]).doesNotExist();
  }

  @Test
  void theDatabaseAndTheDeclaredVectorsAreExcludedFromLazyInitialization() {
    inDir().run(context -> assertThat(context.getBeansOfType(LazyInitializationExcludeFilter.class).values())
        .anySatisfy(filter -> {
          assertThat(filter.isExcluded("vecdbDatabase", null, Database.class)).isTrue();
          assertThat(filter.isExcluded("vecdbVectors", null, VecdbVectors.class)).isTrue();
        }));
  }

  @Test
  void aUserDefinedDatabaseWinsAndStillGetsTheDeclaredVectors(@TempDir Path userDir) {
    inDir().withPropertyValues("vecdb.vectors.prices.type=i64")
        .withBean("userDatabase", Database.class, () -> Database.open(userDir)).run(context -> {
          assertThat(context).hasSingleBean(Database.class);
          Database database = context.getBean(Database.class);
          assertThat(database.path()).isEqualTo(userDir.toAbsolutePath());
          assertThat(database.findVector("prices")).containsSame(context.getBean("prices", LongVec.class));
        });
  }

  @Test
  void userDefinedStarterBeansWin() {
    inDir().withUserConfiguration(UserBeans.class).withPropertyValues("vecdb.flush-interval=1h").run(context -> {
      assertThat(context.getBean(VecdbFlusher.class)).isSameAs(context.getBean("userFlusher"));
      assertThat(context.getBean(VecdbPeriodicFlush.class)).isSameAs(context.getBean("userPeriodicFlush"));
    });
  }

  /** A bean that injects vectors by type and qualifier. */
  static class Consumer {
    private final LongVec prices;
    private final LongVec volumes;

    Consumer(@Qualifier("prices") LongVec prices, @Qualifier("volumes") LongVec volumes) {
      this.prices = prices;
      this.volumes = volumes;
    }

    LongVec prices() {
      return prices;
    }

    LongVec volumes() {
      return volumes;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserBeans {
    @Bean
    VecdbFlusher userFlusher(Database database) {
      return new VecdbFlusher(database, ObservationRegistry.NOOP, Clock.systemUTC());
    }

    @Bean
    VecdbPeriodicFlush userPeriodicFlush(VecdbFlusher flusher) {
      return new VecdbPeriodicFlush(flusher, new SimpleAsyncTaskScheduler(), Duration.ofHours(2), true);
    }
  }
}

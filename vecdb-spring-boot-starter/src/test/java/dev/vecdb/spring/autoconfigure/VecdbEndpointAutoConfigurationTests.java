package dev.vecdb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.spring.actuate.DatabaseSummary;
import dev.vecdb.spring.actuate.FlushResult;
import dev.vecdb.spring.actuate.RollbackResult;
import dev.vecdb.spring.actuate.VecdbEndpoint;
import dev.vecdb.spring.actuate.VectorDetails;
import dev.vecdb.spring.actuate.VectorRollback;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjVec;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class VecdbEndpointAutoConfigurationTests {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(VecdbAutoConfiguration.class, VecdbEndpointAutoConfiguration.class))
      .withPropertyValues("management.endpoints.web.exposure.include=vecdb", "vecdb.vectors.prices.type=u64");

  @TempDir
  Path dir;

  private ApplicationContextRunner inDir() {
    return runner.withPropertyValues("vecdb.path=" + dir);
  }

  private static void fill(LongVec prices, long count) {
    for (long i = 0; i < count; i++) {
      prices.push(i * 10);
    }
    prices.push(-1);
    prices.write();
  }

  @Test
  void summarizesTheDatabaseAndItsVectors() {
    inDir().run(context -> {
      fill(context.getBean("prices", LongVec.class), 4);
      DatabaseSummary summary = context.getBean(VecdbEndpoint.class).database();
      assertThat(summary.path()).isEqualTo(dir.toAbsolutePath().toString());
      assertThat(summary.open()).isTrue();
      assertThat(summary.fileSize()).isPositive();
      assertThat(summary.diskUsage()).isPositive();
      assertThat(summary.vectors()).singleElement().satisfies(vector -> {
        assertThat(vector.name()).isEqualTo("prices");
        assertThat(vector.type()).isEqualTo("u64");
        assertThat(vector.format()).isEqualTo("bytes");
        assertThat(vector.length()).isEqualTo(5);
        assertThat(vector.holes()).isZero();
        assertThat(vector.uncompressedBytes()).isEqualTo(40);
        assertThat(vector.storedBytes()).isGreaterThanOrEqualTo(40);
        assertThat(vector.compressionRatio()).isPositive();
      });
    });
  }

  @Test
  void readsAVectorWithABoundedRangeOfValues() {
    inDir().withPropertyValues("vecdb.endpoint.max-values=3").run(context -> {
      LongVec prices = context.getBean("prices", LongVec.class);
      fill(prices, 4);
      prices.delete(1);
      prices.write();
      VecdbEndpoint endpoint = context.getBean(VecdbEndpoint.class);
      VectorDetails plain = endpoint.vector("prices", null, null);
      assertThat(plain.values()).isNull();
      assertThat(plain.vector().holes()).isEqualTo(1);
      VectorDetails range = endpoint.vector("prices", 0L, 100L);
      assertThat(range.from()).isZero();
      assertThat(range.to()).isEqualTo(3);
      assertThat(range.truncated()).isTrue();
      assertThat(range.values()).containsExactly(0L, null, 20L);
      VectorDetails tail = endpoint.vector("prices", null, 5L);
      assertThat(tail.from()).isEqualTo(2);
      assertThat(tail.truncated()).isFalse();
      assertThat(tail.values()).containsExactly(20L, 30L, new BigInteger("18446744073709551615"));
      assertThat(endpoint.vector("missing", 0L, 1L)).isNull();
    });
  }

  @Test
  void rangesAreSignedLikeTheVectorsOwnAndAnInvertedRangeIsABadRequest() {
    inDir().run(context -> {
      fill(context.getBean("prices", LongVec.class), 4);
      VecdbEndpoint endpoint = context.getBean(VecdbEndpoint.class);
      VectorDetails last = endpoint.vector("prices", -2L, null);
      assertThat(last.from()).isEqualTo(3);
      assertThat(last.to()).isEqualTo(5);
      assertThat(last.values()).containsExactly(30L, new BigInteger("18446744073709551615"));
      assertThat(endpoint.vector("prices", -4L, -2L).values()).containsExactly(10L, 20L);
      assertThat(endpoint.vector("prices", -100L, 1L).values()).containsExactly(0L);
      assertThat(endpoint.vector("prices", 3L, 100L).values()).hasSize(2);
      assertThatThrownBy(() -> endpoint.vector("prices", 3L, 1L))
          .isInstanceOf(InvalidEndpointRequestException.class).hasMessageContaining("from=3 resolves to 3");
      assertThatThrownBy(() -> endpoint.vector("prices", -1L, 2L))
          .isInstanceOf(InvalidEndpointRequestException.class);
    });
  }

  /** A record type for the endpoint's typed values. */
  public record Candle(double open, long volume) {}

  @Test
  void byteArrayAndRecordValuesAreTyped() {
    inDir().withPropertyValues("vecdb.vectors.hashes.type=bytes4", "vecdb.vectors.hashes.format=lz4",
        "vecdb.vectors.candles.type=record:" + Candle.class.getName()).run(context -> {
          @SuppressWarnings("unchecked")
          ObjVec<byte[]> hashes = context.getBean("hashes", ObjVec.class);
          @SuppressWarnings("unchecked")
          ObjVec<Candle> candles = context.getBean("candles", ObjVec.class);
          hashes.push(new byte[] {0, 1, (byte) 0xAB, (byte) 0xFF});
          hashes.push(new byte[] {1, 2, 3, 4});
          hashes.delete(1);
          hashes.write();
          candles.push(new Candle(1.5, 7));
          candles.write();
          VecdbEndpoint endpoint = context.getBean(VecdbEndpoint.class);
          VectorDetails hashValues = endpoint.vector("hashes", 0L, 2L);
          assertThat(hashValues.values()).containsExactly("0001abff", null);
          assertThat(hashValues.vector().type()).isEqualTo("bytes4");
          assertThat(hashValues.vector().holes()).isEqualTo(1);
          VectorDetails candleValues = endpoint.vector("candles", 0L, 1L);
          assertThat(candleValues.values()).containsExactly(new Candle(1.5, 7));
          assertThat(candleValues.vector().type()).isEqualTo("record:" + Candle.class.getName());
        });
  }

  @Test
  void flushCommitsWhatVectorsWrote() {
    inDir().run(context -> {
      fill(context.getBean("prices", LongVec.class), 2);
      FlushResult result = context.getBean(VecdbEndpoint.class).flush();
      assertThat(result.flushed()).isTrue();
      assertThat(result.bytes()).isPositive();
      assertThat(result.error()).isNull();
    });
  }

  @Test
  void flushReportsAFailure() {
    inDir().run(context -> {
      context.getBean(Database.class).close();
      FlushResult result = context.getBean(VecdbEndpoint.class).flush();
      assertThat(result.flushed()).isFalse();
      assertThat(result.error()).isNotBlank();
      assertThat(context.getBean(VecdbEndpoint.class).database().open()).isFalse();
    });
  }

  @Test
  void rollbackIsRefusedUnlessEnabled() {
    inDir().run(context -> {
      RollbackResult result = context.getBean(VecdbEndpoint.class).rollback("prices").getBody();
      assertThat(result.rolledBack()).isFalse();
      assertThat(result.message()).contains("vecdb.endpoint.rollback-enabled=true");
    });
  }

  @Test
  void enabledRollbackUndoesTheLatestStampedWriteAndFlushes() {
    inDir().withPropertyValues("vecdb.endpoint.rollback-enabled=true", "vecdb.saved-stamped-changes=2")
        .run(context -> {
          LongVec prices = context.getBean("prices", LongVec.class);
          prices.push(1);
          prices.stampedWriteWithChanges(1);
          prices.push(2);
          prices.stampedWriteWithChanges(2);
          VecdbEndpoint endpoint = context.getBean(VecdbEndpoint.class);
          RollbackResult result = endpoint.rollback("prices").getBody();
          assertThat(result.rolledBack()).isTrue();
          assertThat(result.message()).contains("from stamp 2 to stamp 1");
          assertThat(prices.collect()).containsExactly(1);
          assertThat(prices.storedLen()).isEqualTo(1);
          WebEndpointResponse<RollbackResult> missing = endpoint.rollback("missing");
          assertThat(missing.getStatus()).isEqualTo(404);
          assertThat(missing.getBody().message()).contains("no vector 'missing'");
        });
  }

  @Test
  void enabledRollbackWithoutChangeSetsSaysWhyAndChangesNothing() {
    inDir().withPropertyValues("vecdb.endpoint.rollback-enabled=true").run(context -> {
      RollbackResult result = context.getBean(VecdbEndpoint.class).rollback("prices").getBody();
      assertThat(result.rolledBack()).isFalse();
      assertThat(result.message()).contains("keeps no change sets");
    });
  }

  @Test
  void enabledRollbackDelegatesToAUserDefinedRollback() {
    inDir().withPropertyValues("vecdb.endpoint.rollback-enabled=true")
        .withBean(VectorRollback.class, () -> vector -> new RollbackResult(vector.name(), true, "done"))
        .run(context -> assertThat(context.getBean(VecdbEndpoint.class).rollback("prices").getBody().rolledBack()).isTrue());
  }

  @Test
  void isAbsentWhenAccessIsNone() {
    inDir().withPropertyValues("management.endpoint.vecdb.access=NONE")
        .run(context -> assertThat(context).doesNotHaveBean(VecdbEndpoint.class));
  }

  @Test
  void isAbsentWhenNotExposed() {
    inDir().withPropertyValues("management.endpoints.web.exposure.include=health")
        .run(context -> assertThat(context).doesNotHaveBean(VecdbEndpoint.class));
  }

  @Test
  void backsOffWithoutTheActuator() {
    inDir().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Database.class)
            .doesNotHaveBean(VecdbEndpoint.class));
  }
}

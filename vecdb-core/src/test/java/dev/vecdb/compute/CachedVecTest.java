package dev.vecdb.compute;

import static dev.vecdb.compute.TestVectors.longs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedVecTest {
  @TempDir Path dir;

  @Test
  void copiesOnFirstReadAndAgainWhenTheLengthChanges() {
    try (Database db = Database.open(dir)) {
      LongVec prices = longs(db, "prices", NumberType.I64, 5, 6, 7);
      prices.delete(1);
      prices.write();
      try (LongReader reader = prices.reader()) {
        CachedLongVec cached = CachedLongVec.wrap(reader);
        assertThat(cached.isCurrent()).isFalse();
        assertThat(cached.toJson(0, 3)).isEqualTo("[5,null,7]");
        assertThat(cached.isCurrent()).isTrue();
        assertThat(cached.name()).isEqualTo("prices");
        prices.push(8);
        prices.write();
        assertThat(cached.isCurrent()).isFalse();
        assertThat(cached.collect()).containsExactly(5, 7, 8);
        assertThat(cached.isCurrent()).isTrue();
        assertThat(cached.sum()).isEqualTo(20);
        assertThat(cached.get(3)).isEqualTo(8);
        assertThat(cached.isHole(1)).isTrue();
      }
    }
  }

  @Test
  void anUpdateInPlaceIsNotNoticedUntilCleared() {
    try (Database db = Database.open(dir)) {
      LongVec prices = longs(db, "prices", NumberType.I64, 5, 6, 7);
      try (LongReader reader = prices.reader()) {
        CachedLongVec cached = CachedLongVec.wrap(reader);
        assertThat(cached.collect()).containsExactly(5, 6, 7);
        prices.update(0, 50);
        prices.write();
        assertThat(cached.collect()).as("same length, same version: the copy is served").containsExactly(5, 6, 7);
        cached.clear();
        assertThat(cached.accessCount()).isZero();
        assertThat(cached.collect()).containsExactly(50, 6, 7);
      }
    }
  }

  @Test
  void copiesAgainWhenTheVersionChanges() {
    try (Database db = Database.open(dir)) {
      LongVec prices = longs(db, "prices", NumberType.I64, 5, 6, 7);
      AtomicInteger version = new AtomicInteger(1);
      try (LongReader reader = prices.reader()) {
        LazyLongSource versioned = new LazyLongSource("prices", NumberType.I64, reader::len, version::get,
            reader::isHole, reader::get, reader::forEach);
        CachedLongVec cached = CachedLongVec.wrap(LazyLongFrom.identity("view", 10, versioned));
        assertThat(cached.collect()).containsExactly(5, 6, 7);
        assertThat(cached.version()).isEqualTo(11);
        prices.update(1, 60);
        prices.write();
        version.incrementAndGet();
        assertThat(cached.isCurrent()).isFalse();
        assertThat(cached.collect()).containsExactly(5, 60, 7);
        assertThat(cached.version()).isEqualTo(12);
      }
    }
  }

  @Test
  void aSharedBudgetGrantsOneCopyAndRefusedReadsGoToTheVector() {
    try (Database db = Database.open(dir)) {
      LongVec a = longs(db, "a", NumberType.I64, 1, 2);
      LongVec b = longs(db, "b", NumberType.I64, 3, 4);
      try (LongReader ra = a.reader(); LongReader rb = b.reader()) {
        CachedVecBudget oneCopy = CachedVecBudget.slots(1);
        CachedLongVec ca = CachedLongVec.wrapBudgeted(ra, oneCopy);
        CachedLongVec cb = CachedLongVec.wrapBudgeted(rb, oneCopy);
        assertThat(ca.collect()).containsExactly(1, 2);
        assertThat(ca.isCurrent()).isTrue();
        assertThat(cb.collect()).containsExactly(3, 4);
        assertThat(cb.isCurrent()).as("the budget is spent").isFalse();
        b.push(5);
        b.write();
        assertThat(cb.collect()).as("refused reads see the vector itself").containsExactly(3, 4, 5);
        assertThat(cb.accessCount()).isPositive();
        assertThat(cb.materialize()).isTrue();
        assertThat(cb.isCurrent()).as("materialize ignores the budget").isTrue();
      }
    }
  }

  @Test
  void aBudgetCanWaitForEnoughReads() {
    try (Database db = Database.open(dir)) {
      DoubleVec prices = TestVectors.doubles(db, "prices", 1.5, 2.5);
      CachedDoubleVec cached = CachedDoubleVec.wrapBudgeted(
          LazyDoubleFrom.halve("half", 0, LazySources.doubles(prices.reader())), accessCount -> accessCount >= 3);
      assertThat(cached.sum()).isEqualTo(2.0);
      assertThat(cached.isCurrent()).isFalse();
      assertThat(cached.max()).hasValue(1.25);
      assertThat(cached.first()).hasValue(0.75);
      assertThat(cached.isCurrent()).as("copied from the third read on").isTrue();
      assertThat(cached.collect()).containsExactly(0.75, 1.25);
    }
  }
}

package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.store.Region;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.StoredVec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database's view of its vectors ({@link Database#openVectors}, {@link Database#findVector},
 * {@link Database#removeVector}) and the figures a vector reports about itself ({@link StoredVec#storedBytes},
 * {@link StoredVec#isOpen}), checked against the region store underneath.
 */
class VectorCatalogTest {
  @TempDir
  Path dir;

  @Test
  void theDatabaseListsFindsAndRemovesItsOpenVectors() {
    try (Database db = Database.open(dir)) {
      LongVec prices = db.longVec("prices", NumberType.I64, VecOptions.DEFAULT);
      ObjVec<byte[]> hashes = db.bytesVec("hashes", 32, VecOptions.DEFAULT);
      assertThat(db.openVectors()).containsExactly(hashes, prices);
      assertThat(db.findVector("prices")).containsSame(prices);
      assertThat(db.findVector("volumes")).isEmpty();
      prices.push(1);
      prices.write();
      db.removeVector("prices");
      assertThat(db.openVectors()).containsExactly(hashes);
      assertThat(db.regions().contains("prices")).isFalse();
      assertThatThrownBy(() -> db.removeVector("prices")).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("prices").hasMessageContaining(db.path().toString());
    }
  }

  @Test
  void storedBytesIsTheLengthOfEveryRegionTheVectorStoresDataIn() {
    try (Database db = Database.open(dir)) {
      LongVec prices = db.longVec("prices", NumberType.I64, VecOptions.DEFAULT.withSavedStampedChanges(2));
      long empty = prices.storedBytes();
      assertThat(empty).isEqualTo(db.regions().get("prices").length()).isPositive();
      for (long i = 0; i < 100; i++) {
        prices.push(i);
      }
      prices.stampedWriteWithChanges(1);
      prices.delete(3);
      prices.stampedWriteWithChanges(2);
      assertThat(prices.regionNames()).contains("prices", "prices@holes").hasSizeGreaterThan(2);
      long regions = prices.regionNames().stream().map(db.regions()::get).mapToLong(Region::length).sum();
      assertThat(prices.storedBytes()).isEqualTo(regions).isGreaterThanOrEqualTo(empty + 100 * 8);
      assertThat(db.fileLength()).isGreaterThanOrEqualTo(regions).isEqualTo(db.regions().fileLength());
    }
  }

  @Test
  void aVectorKnowsWhetherItsDatabaseIsOpen() {
    Database db = Database.open(dir);
    LongVec prices = db.longVec("prices", NumberType.I64, VecOptions.DEFAULT);
    assertThat(prices.isOpen()).isTrue();
    db.close();
    assertThat(prices.isOpen()).isFalse();
    assertThatThrownBy(() -> db.longVec("prices", NumberType.I64, VecOptions.DEFAULT))
        .isInstanceOf(ClosedException.class).hasMessageContaining("prices");
  }
}

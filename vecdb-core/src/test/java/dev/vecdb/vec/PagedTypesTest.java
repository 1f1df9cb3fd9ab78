package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.Internals;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.FixedLength;
import dev.vecdb.codec.NumberType;
import dev.vecdb.codec.Unsigned;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value type in every paged format it is allowed in: numeric types in LZ4, ZSTD and PCO, byte arrays and
 * records in LZ4 and ZSTD. Each paged vector gets the same operations as a {@code BYTES} twin and must read exactly
 * like it, before and after reopen; PCO refuses non-numeric types when the vector is opened.
 */
class PagedTypesTest {
  /** A record as an application would store it (23 bytes: pages of 712 values). */
  public record Tick(double price, @Unsigned long volume, int count, @FixedLength(3) byte[] tag) {}

  /** Pushes the value the tests store at an index. */
  interface Pusher {
    void push(StoredVec v, long index);
  }

  /** A value type: how to open a vector of it and what to push. */
  record Kind(String label, boolean numeric, Opener opener, Pusher pusher) {
    StoredVec open(Database db, String name, VecOptions options) {
      return opener.open(db, name, options);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** Opens a vector of a kind. */
  interface Opener {
    StoredVec open(Database db, String name, VecOptions options);
  }

  @TempDir Path dir;

  static List<Kind> kinds() {
    List<Kind> kinds = new ArrayList<>();
    for (NumberType t : NumberType.values()) {
      kinds.add(new Kind(t.label(), true, (db, name, o) -> db.numericVec(name, t, o), (v, i) -> pushNumber(v, t, i)));
    }
    kinds.add(new Kind("bytes[32]", false, (db, name, o) -> db.bytesVec(name, 32, o),
        (v, i) -> PagedTypesTest.<byte[]>cast(v).push(hash(i))));
    kinds.add(new Kind("record Tick", false, (db, name, o) -> db.recordVec(name, Tick.class, o),
        (v, i) -> PagedTypesTest.<Tick>cast(v).push(new Tick(61_250.5 + i * 0.25, -i, (int) i, new byte[] {1, (byte) i, 3}))));
    return kinds;
  }

  static Stream<Arguments> allowed() {
    return Stream.of(Format.LZ4, Format.ZSTD, Format.PCO).flatMap(f -> kinds().stream()
        .filter(k -> f != Format.PCO || k.numeric()).map(k -> Arguments.of(f, k)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("allowed")
  void readsLikeItsBytesTwinThroughWritesTruncationHolesAndReopen(Format format, Kind kind) {
    long perPage;
    try (Database db = Database.open(dir)) {
      StoredVec v = kind.open(db, "v", VecOptions.of(format));
      StoredVec twin = kind.open(db, "twin", VecOptions.DEFAULT);
      perPage = v.paging.perPage;
      for (StoredVec x : List.of(v, twin)) {
        pushTo(kind, x, 2 * perPage + perPage / 2);
        x.write();
        x.delete(perPage + 1);
        x.truncate(2 * perPage - 3);
        x.write();
        pushTo(kind, x, 3 * perPage + 1);
        x.write();
      }
      Paged.assertPages(v, 3, 1);
      assertSameValues(v, twin);
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      StoredVec v = kind.open(db, "v", VecOptions.of(format));
      StoredVec twin = kind.open(db, "twin", VecOptions.DEFAULT);
      assertThat(v.len()).isEqualTo(3 * perPage + 1);
      assertSameValues(v, twin);
      assertThat(v.holes()).containsExactly(perPage + 1);
    }
  }

  @Test
  void pcoRefusesNonNumericTypesWhenOpened() {
    try (Database db = Database.open(dir)) {
      for (Kind kind : kinds().stream().filter(k -> !k.numeric()).toList()) {
        assertThatThrownBy(() -> kind.open(db, "v", VecOptions.of(Format.PCO)))
            .as(kind.label()).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("vector 'v'").hasMessageContaining("PCO compresses numeric values only");
      }
      assertThat(Internals.regions(db).contains("v")).as("nothing is created").isFalse();
    }
  }

  private static void assertSameValues(StoredVec v, StoredVec twin) {
    Exportable a = (Exportable) v;
    Exportable b = (Exportable) twin;
    assertThat(a.len()).isEqualTo(b.len());
    assertThat(a.toCsv(0, a.len())).isEqualTo(b.toCsv(0, b.len()));
    assertThat(a.toJson(0, a.len())).isEqualTo(b.toJson(0, b.len()));
  }

  private static void pushTo(Kind kind, StoredVec v, long to) {
    for (long i = v.len(); i < to; i++) {
      kind.pusher().push(v, i);
    }
  }

  private static void pushNumber(StoredVec v, NumberType t, long i) {
    switch (v) {
      case ByteVec b -> b.push((byte) (i * 3 + i / 100));
      case ShortVec s -> s.push((short) (i * 5 - 7000));
      case IntVec n -> n.push((int) (i * i) - (t == NumberType.I32 ? 1_000_000 : 0));
      case LongVec l -> l.push(i * 1_000_003L ^ (i << 44));
      case FloatVec f -> f.push(i * 0.5f - 100);
      case DoubleVec d -> d.push(6_125_000 + i * 0.01);
      default -> throw new IllegalArgumentException(t.label());
    }
  }

  private static byte[] hash(long i) {
    byte[] out = new byte[32];
    for (int k = 0; k < 8; k++) {
      out[k] = (byte) (i >>> (8 * k));
    }
    out[31] = (byte) 0xAB;
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> ObjVec<T> cast(StoredVec v) {
    return (ObjVec<T>) v;
  }
}

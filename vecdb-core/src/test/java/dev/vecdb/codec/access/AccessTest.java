package dev.vecdb.codec.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.codec.FixedLength;
import dev.vecdb.codec.ValueCodec;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Records outside vecdb's package: on the class path, public, package-private and private records all work. */
class AccessTest {
  public record PublicNested(int a, @FixedLength(2) byte[] b) {}

  record PackagePrivateNested(long a, PrivateNested nested) {}

  private record PrivateNested(short x) {}

  private static <R extends Record> R roundTrip(ValueCodec<R> codec, R value) {
    MemorySegment segment = MemorySegment.ofArray(new byte[codec.size()]);
    codec.write(value, segment, 0, ByteOrder.LITTLE_ENDIAN);
    return codec.read(segment, 0, ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void publicRecordNestedInAPackagePrivateTestClass() {
    PublicNested read = roundTrip(ValueCodec.record(PublicNested.class), new PublicNested(7, new byte[] {1, 2}));
    assertThat(read.a()).isEqualTo(7);
    assertThat(read.b()).containsExactly(1, 2);
  }

  @Test
  void nonPublicRecordsInAnotherPackage() {
    PackagePrivateNested value = new PackagePrivateNested(-3, new PrivateNested((short) 9));
    assertThat(roundTrip(ValueCodec.record(PackagePrivateNested.class), value)).isEqualTo(value);
    assertThat(roundTrip(ValueCodec.record(TopLevel.class), new TopLevel(true, 2.5f)))
        .isEqualTo(new TopLevel(true, 2.5f));
  }
}

record TopLevel(boolean on, float level) {}

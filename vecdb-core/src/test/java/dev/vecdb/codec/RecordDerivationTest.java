package dev.vecdb.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordDerivationTest {
  public record WithString(int ok, String name) {}

  public record WithObject(Object any) {}

  public record WithList(List<String> items) {}

  public record WithBoxed(Integer count) {}

  public record WithChar(char letter) {}

  public record WithEnum(TimeUnit unit) {}

  public record WithUnannotatedBytes(byte[] raw) {}

  public record WithIntArray(@FixedLength(4) int[] values) {}

  public record WithLongArray(long[] values) {}

  public record WithZeroLength(@FixedLength(0) byte[] raw) {}

  public record WithTooLong(@FixedLength(65_537) byte[] raw) {}

  public record WithFixedInt(@FixedLength(4) int value) {}

  public record WithUnsignedFloat(@Unsigned float value) {}

  public record WithUnsignedDouble(@Unsigned double value) {}

  public record WithUnsignedBoolean(@Unsigned boolean value) {}

  public record WithUnsignedBytes(@Unsigned @FixedLength(2) byte[] value) {}

  public record WithGeneric<T>(long id, T value) {}

  public record WithClass(StringBuilder builder) {}

  public record Node(int value, Node next) {}

  public record Ping(long id, Pong pong) {}

  public record Pong(long id, Ping ping) {}

  public record Holder(int id, WithChar nested) {}

  public record Empty() {}

  public record UsesGeneric(WithGeneric<Integer> generic) {}

  public record MaxLength(@FixedLength(65_536) byte[] raw, @Unsigned byte tag) {}

  static Stream<Arguments> unsupportedComponents() {
    return Stream.of(
        Arguments.of(WithString.class, "name (java.lang.String)", "is not a supported type"),
        Arguments.of(WithObject.class, "any (java.lang.Object)", "is not a supported type"),
        Arguments.of(WithList.class, "items (java.util.List<java.lang.String>)", "is not a supported type"),
        Arguments.of(WithBoxed.class, "count (java.lang.Integer)", "is not a supported type"),
        Arguments.of(WithChar.class, "letter (char)", "is not a supported type"),
        Arguments.of(WithEnum.class, "unit (java.util.concurrent.TimeUnit)", "is not a supported type"),
        Arguments.of(WithClass.class, "builder (java.lang.StringBuilder)", "is not a supported type"),
        Arguments.of(WithUnannotatedBytes.class, "raw (byte[])", "needs @FixedLength(n)"),
        Arguments.of(WithIntArray.class, "values (int[])", "has @FixedLength, which applies only to byte[]"),
        Arguments.of(WithLongArray.class, "values (long[])", "is not a supported type"),
        Arguments.of(WithZeroLength.class, "raw (byte[])", "has @FixedLength(0); the length must be 1 to 65536"),
        Arguments.of(WithTooLong.class, "raw (byte[])", "has @FixedLength(65537)"),
        Arguments.of(WithFixedInt.class, "value (int)", "has @FixedLength, which applies only to byte[]"),
        Arguments.of(WithUnsignedFloat.class, "value (float)", "has @Unsigned, which applies only to"),
        Arguments.of(WithUnsignedDouble.class, "value (double)", "has @Unsigned"),
        Arguments.of(WithUnsignedBoolean.class, "value (boolean)", "has @Unsigned"),
        Arguments.of(WithUnsignedBytes.class, "value (byte[])", "has @Unsigned"),
        Arguments.of(WithGeneric.class, "value (T)", "is generic; give it a concrete type"),
        Arguments.of(Node.class, "next (" + Node.class.getName() + ")", "makes the record recursive (Node -> Node)"));
  }

  @ParameterizedTest
  @MethodSource("unsupportedComponents")
  void unsupportedComponentsAreRejectedNamingRecordComponentAndReason(Class<? extends Record> type, String component,
      String reason) {
    assertThatThrownBy(() -> ValueCodec.record(type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot derive a codec for record " + type.getName() + ": ")
        .hasMessageContaining("component " + component + " " + reason);
  }

  @Test
  void theMessageListsTheSupportedTypes() {
    assertThatThrownBy(() -> ValueCodec.record(WithString.class))
        .hasMessage("Cannot derive a codec for record " + WithString.class.getName() + ": component name "
            + "(java.lang.String) is not a supported type; supported are byte, short, int, long, float, double, "
            + "boolean, @FixedLength byte[] and records of these");
  }

  @Test
  void mutuallyRecursiveRecordsAreRejected() {
    assertThatThrownBy(() -> ValueCodec.record(Ping.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot derive a codec for record " + Pong.class.getName() + " (nested in Ping): ")
        .hasMessageEndingWith("component ping (" + Ping.class.getName()
            + ") makes the record recursive (Ping -> Pong -> Ping)");
  }

  @Test
  void anUnsupportedComponentOfANestedRecordNamesThePath() {
    assertThatThrownBy(() -> ValueCodec.record(Holder.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot derive a codec for record " + WithChar.class.getName()
            + " (nested in Holder): component letter (char) is not a supported type");
    assertThatThrownBy(() -> ValueCodec.record(UsesGeneric.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record " + WithGeneric.class.getName() + " (nested in UsesGeneric)")
        .hasMessageContaining("component value (T) is generic");
  }

  @Test
  void aRecordWithoutComponentsIsRejected() {
    assertThatThrownBy(() -> ValueCodec.record(Empty.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot derive a codec for record " + Empty.class.getName() + ": it has no components");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aClassThatIsNotARecordIsRejected() {
    Class notARecord = String.class;
    assertThatThrownBy(() -> ValueCodec.record(notARecord))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot derive a codec for class java.lang.String: it is not a record");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anInaccessibleRecordIsRejectedWithAClearMessage() throws ClassNotFoundException {
    // A public record of long components in a package java.base neither exports nor opens.
    Class<? extends Record> internal =
        (Class<? extends Record>) Class.forName("jdk.internal.foreign.Utils$BaseAndScale", false, null);
    assertThatThrownBy(() -> ValueCodec.record(internal))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot derive a codec for record jdk.internal.foreign.Utils$BaseAndScale: "
            + "it is not accessible to vecdb")
        .hasMessageEndingWith("make it public in an exported package, or open its package to vecdb")
        .hasCauseInstanceOf(IllegalAccessException.class);
  }

  @Test
  void recordsWithTooManyComponentsAreRejected() {
    ValueCodec<WidestRecord> widest = ValueCodec.record(WidestRecord.class);
    assertThat(widest.size()).isEqualTo(248 * 4);
    byte[] stored = new byte[widest.size()];
    for (int i = 0; i < stored.length; i++) {
      stored[i] = (byte) (i * 7);
    }
    byte[] copy = new byte[widest.size()];
    widest.write(widest.read(MemorySegment.ofArray(stored), 0, ByteOrder.BIG_ENDIAN), MemorySegment.ofArray(copy), 0,
        ByteOrder.BIG_ENDIAN);
    assertThat(copy).isEqualTo(stored);
    assertThatThrownBy(() -> ValueCodec.record(TooWideRecord.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot derive a codec for record " + TooWideRecord.class.getName() + ": it has too many "
            + "components (249 parameter slots, long and double counting two; at most 248); group some of them in a "
            + "nested record");
  }

  @Test
  void theLargestByteArrayIsAccepted() {
    ValueCodec<MaxLength> codec = ValueCodec.record(MaxLength.class);
    assertThat(codec.size()).isEqualTo(65_537);
    assertThat(codec.description()).isEqualTo("record MaxLength(raw: bytes[65536], tag: u8)");
  }
}

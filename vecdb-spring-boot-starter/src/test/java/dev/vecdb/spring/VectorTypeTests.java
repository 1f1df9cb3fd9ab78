package dev.vecdb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import org.junit.jupiter.api.Test;

class VectorTypeTests {
  private final ClassLoader loader = getClass().getClassLoader();

  /** A record type. */
  record Point(int x, int y) {}

  @Test
  void parsesEveryNumericTypeCaseInsensitively() {
    for (NumberType number : NumberType.values()) {
      assertThat(VectorType.parse(" " + number.name() + " ", loader)).isEqualTo(new NumericVectorType(number));
    }
    assertThat(VectorType.parse("u64", loader).beanClass()).isEqualTo(LongVec.class);
  }

  @Test
  void parsesByteArraysAndRecords() {
    assertThat(VectorType.parse("bytes32", loader)).isEqualTo(new FixedBytesVectorType(32));
    assertThat(VectorType.parse("bytes[20]", loader).label()).isEqualTo("bytes20");
    VectorType record = VectorType.parse("record:" + Point.class.getName(), loader);
    assertThat(record).isEqualTo(new RecordVectorType(Point.class));
    assertThat(record.isNumeric()).isFalse();
  }

  @Test
  void rejectsWhatIsNoType() {
    assertThatIllegalArgumentException().isThrownBy(() -> VectorType.parse("bytes0", loader))
        .withMessageContaining("at least 1 byte");
    assertThatIllegalArgumentException().isThrownBy(() -> VectorType.parse("record:com.acme.Missing", loader))
        .withMessageContaining("cannot be loaded");
    assertThatIllegalArgumentException().isThrownBy(() -> VectorType.parse("text", loader))
        .withMessageContaining("not a vecdb value type");
  }
}

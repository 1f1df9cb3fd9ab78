package dev.vecdb.compress;

import dev.vecdb.codec.NumberType;
import dev.vecdb.compress.pco.PcoDecoder;
import dev.vecdb.compress.pco.PcoEncoder;
import dev.vecdb.compress.pco.PcoNumberType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A page as one standalone pco blob (format 4.1), the layout of Rust vecdb's {@code PcoVec}: any pco 1.x
 * implementation decodes it. For numeric value types only; the page's little-endian values are moved into a typed
 * scratch array for the encoder and back from the decoder. Not thread-safe (see {@link PageCodec}).
 */
public final class PcoPageCodec implements PageCodec {
  private static final int SLACK = 256;

  private final PcoNumberType type;
  private final ValueLayout layout;
  private final int size;
  /** Made by the first compression: a codec that only decodes (a reader's) never needs one. */
  private PcoEncoder encoder;
  private final PcoDecoder decoder = new PcoDecoder();
  private Object values;

  /**
   * @param numberType the vector's value type
   */
  public PcoPageCodec(NumberType numberType) {
    this.type = PcoNumberType.valueOf(numberType.name());
    this.size = numberType.size();
    this.layout = switch (numberType) {
      case I8, U8 -> ValueLayout.JAVA_BYTE;
      case I16, U16 -> ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
      case I32, U32 -> ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
      case I64, U64 -> ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
      case F32 -> ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
      case F64 -> ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    };
    this.values = java.lang.reflect.Array.newInstance(type.arrayType().componentType(), 0);
  }

  @Override
  public int maxCompressedLength(int rawLength) {
    return rawLength + SLACK;
  }

  @Override
  public int compress(byte[] src, int rawLength, byte[] dst, int dstOffset) {
    int count = rawLength / size;
    ensureCapacity(count);
    MemorySegment.copy(MemorySegment.ofArray(src), layout, 0, values, 0, count);
    if (encoder == null) {
      encoder = new PcoEncoder();
    }
    return encoder.encode(type, values, 0, count, dst, dstOffset);
  }

  @Override
  public void decompress(byte[] src, int offset, int length, byte[] dst, int rawLength) {
    int count = rawLength / size;
    ensureCapacity(count);
    int n = decoder.decode(src, offset, length, type, values, 0);
    if (n != count) {
      throw CompressErrors.decodedLength("pco", n, count, "values");
    }
    MemorySegment.copy(values, 0, MemorySegment.ofArray(dst), layout, 0, count);
  }

  private void ensureCapacity(int count) {
    if (java.lang.reflect.Array.getLength(values) < count) {
      values = java.lang.reflect.Array.newInstance(type.arrayType().componentType(), count);
    }
  }
}

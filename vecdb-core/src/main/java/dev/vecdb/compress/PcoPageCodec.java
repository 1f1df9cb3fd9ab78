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
 * scratch array for the encoder, the decoder writes them straight into the page's bytes. Not thread-safe (see
 * {@link PageCodec}).
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
  private byte[] targetArray;
  private MemorySegment target;
  /** Whether the decoder's number bits, as longs in memory, are the page's bytes: 64-bit values, little-endian. */
  private final boolean bitsAreBytes;
  private long[] viewArray;
  private MemorySegment view;

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
    this.bitsAreBytes = size == Long.BYTES && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
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

  /** Decodes straight into {@code dst}'s bytes (little-endian values, the page layout): no copy through an array. */
  @Override
  public void decompress(byte[] src, int offset, int length, byte[] dst, int rawLength) {
    int count = rawLength / size;
    int n = decoder.decodeLittleEndian(src, offset, length, type, target(dst, rawLength));
    if (n != count) {
      throw CompressErrors.decodedLength("pco", n, count, "values");
    }
  }

  /**
   * For 64-bit values on a little-endian platform the decoder's own array already holds the page's bytes: they are
   * returned in place, a scan reads them without any copy. Other types decompress into a buffer.
   */
  @Override
  public MemorySegment decompressed(byte[] src, int offset, int length, int rawLength) {
    if (!bitsAreBytes) {
      return null;
    }
    int count = rawLength / size;
    int n = decoder.decodeBits(src, offset, length, type, count);
    if (n != count) {
      throw CompressErrors.decodedLength("pco", n, count, "values");
    }
    long[] bits = decoder.bits();
    if (bits != viewArray || rawLength != view.byteSize()) {
      view = MemorySegment.ofArray(bits).asSlice(0, rawLength);
      viewArray = bits;
    }
    return view;
  }

  /** {@code dst[0..rawLength)} as a segment, made once per destination array and length (a page decoder reuses both). */
  private MemorySegment target(byte[] dst, int rawLength) {
    if (dst != targetArray || rawLength != target.byteSize()) {
      target = MemorySegment.ofArray(dst).asSlice(0, rawLength);
      targetArray = dst;
    }
    return target;
  }

  private void ensureCapacity(int count) {
    if (java.lang.reflect.Array.getLength(values) < count) {
      values = java.lang.reflect.Array.newInstance(type.arrayType().componentType(), count);
    }
  }
}

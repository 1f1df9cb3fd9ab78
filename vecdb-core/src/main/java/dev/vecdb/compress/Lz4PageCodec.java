package dev.vecdb.compress;

import dev.vecdb.internal.Exceptions;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * LZ4 block compression of a page, preceded by the uncompressed length as a little-endian {@code u32} (the layout
 * of Rust's {@code lz4_flex::compress_prepend_size}).
 *
 * <p>The implementation is chosen once per JVM (see {@link #implementation()}): lz4-java's bundled native library
 * when the JVM grants native access to lz4-java's module ({@code --enable-native-access=ALL-UNNAMED} on the class
 * path), since loading it then prints no warning and it compresses several times faster; otherwise lz4-java's
 * pure-Java safe implementation, which needs no native access, so the JDK prints nothing. Both write the same
 * block format and read each other's pages. Decompression always uses the bounds-checked ("safe") decompressor.
 * Not thread-safe (see {@link PageCodec}).
 */
public final class Lz4PageCodec implements PageCodec {
  private static final LZ4Factory FACTORY = chooseFactory();

  private final LZ4Compressor compressor;
  private final LZ4SafeDecompressor decompressor;

  /** A codec using the JVM-wide implementation. */
  public Lz4PageCodec() {
    this(FACTORY);
  }

  Lz4PageCodec(LZ4Factory factory) {
    this.compressor = factory.fastCompressor();
    this.decompressor = factory.safeDecompressor();
  }

  /** The lz4-java implementation in use: {@code LZ4Factory:JNI} or {@code LZ4Factory:JavaSafe}. */
  public static String implementation() {
    return FACTORY.toString();
  }

  @Override
  public int maxCompressedLength(int rawLength) {
    return 4 + compressor.maxCompressedLength(rawLength);
  }

  @Override
  public int compress(byte[] src, int rawLength, byte[] dst, int dstOffset) {
    dst[dstOffset] = (byte) rawLength;
    dst[dstOffset + 1] = (byte) (rawLength >>> 8);
    dst[dstOffset + 2] = (byte) (rawLength >>> 16);
    dst[dstOffset + 3] = (byte) (rawLength >>> 24);
    return 4 + compressor.compress(src, 0, rawLength, dst, dstOffset + 4, dst.length - dstOffset - 4);
  }

  @Override
  public void decompress(byte[] src, int offset, int length, byte[] dst, int rawLength) {
    if (length < 4) {
      throw Exceptions.corruption("LZ4 page of %s bytes is shorter than its length prefix", length);
    }
    int declared = (src[offset] & 0xFF) | (src[offset + 1] & 0xFF) << 8 | (src[offset + 2] & 0xFF) << 16
        | (src[offset + 3] & 0xFF) << 24;
    if (declared != rawLength) {
      throw Exceptions.corruption("LZ4 page declares %s bytes, expected %s", declared, rawLength);
    }
    try {
      int n = decompressor.decompress(src, offset + 4, length - 4, dst, 0, rawLength);
      if (n != rawLength) {
        throw CompressErrors.decodedLength("LZ4", n, rawLength, "bytes");
      }
    } catch (LZ4Exception e) {
      throw CompressErrors.undecodable("LZ4", e);
    }
  }

  private static LZ4Factory chooseFactory() {
    if (LZ4Factory.class.getModule().isNativeAccessEnabled()) {
      try {
        return LZ4Factory.nativeInstance();
      } catch (LinkageError | AssertionError | RuntimeException noLibraryForThisPlatform) {
        return LZ4Factory.fastestJavaInstance();
      }
    }
    return LZ4Factory.fastestJavaInstance();
  }
}

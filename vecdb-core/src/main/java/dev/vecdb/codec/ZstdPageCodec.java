package dev.vecdb.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import dev.vecdb.CorruptionException;

/**
 * Zstandard compression of a page: one zstd frame (the layout of Rust's {@code zstd::encode_all}), at a configurable
 * level (default 3). Needs {@code com.github.luben:zstd-jni} on the class path, which loads native code: enable
 * native access for it ({@code --enable-native-access=ALL-UNNAMED}) to avoid the JDK's warning. Not thread-safe (see
 * {@link PageCodec}).
 */
public final class ZstdPageCodec implements PageCodec {
  /** The level used when none is configured. */
  public static final int DEFAULT_LEVEL = 3;

  private final int level;

  /**
   * @param level the zstd compression level (1–22; 0 means {@link #DEFAULT_LEVEL})
   */
  public ZstdPageCodec(int level) {
    this.level = level == 0 ? DEFAULT_LEVEL : level;
  }

  @Override
  public int maxCompressedLength(int rawLength) {
    return (int) Zstd.compressBound(rawLength);
  }

  @Override
  public int compress(byte[] src, int rawLength, byte[] dst) {
    long n = Zstd.compressByteArray(dst, 0, dst.length, src, 0, rawLength, level);
    if (Zstd.isError(n)) {
      throw new IllegalStateException("zstd compression failed: " + Zstd.getErrorName(n));
    }
    return (int) n;
  }

  @Override
  public void decompress(byte[] src, int offset, int length, byte[] dst, int rawLength) {
    long n;
    try {
      n = Zstd.decompressByteArray(dst, 0, rawLength, src, offset, length);
    } catch (ZstdException e) {
      throw new CorruptionException("zstd page does not decode: " + e.getMessage(), e);
    }
    if (Zstd.isError(n)) {
      throw new CorruptionException("zstd page does not decode: " + Zstd.getErrorName(n));
    }
    if (n != rawLength) {
      throw new CorruptionException("zstd page decoded to " + n + " bytes, expected " + rawLength);
    }
  }
}

package dev.vecdb.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.vecdb.internal.Exceptions;
import java.lang.ref.Cleaner;

/**
 * Zstandard compression of a page: one zstd frame (the layout of Rust's {@code zstd::encode_all}), at a configurable
 * level (default 3). Needs {@code com.github.luben:zstd-jni} on the class path, which loads native code: enable
 * native access for it ({@code --enable-native-access=ALL-UNNAMED}) to avoid the JDK's warning.
 *
 * <p>Each codec keeps one native compression and one decompression context and reuses them for every page (a
 * context per call costs more than compressing a 16 KiB page); the contexts are freed when the codec becomes
 * unreachable. Not thread-safe (see {@link PageCodec}).
 */
public final class ZstdPageCodec implements PageCodec {
  /** The level used when none is configured. */
  public static final int DEFAULT_LEVEL = 3;

  private static final Cleaner CLEANER = Cleaner.create();

  private final ZstdCompressCtx compressor = new ZstdCompressCtx();
  private final ZstdDecompressCtx decompressor = new ZstdDecompressCtx();

  /**
   * @param level the zstd compression level (1–22; 0 means {@link #DEFAULT_LEVEL})
   */
  public ZstdPageCodec(int level) {
    compressor.setLevel(level == 0 ? DEFAULT_LEVEL : level);
    ZstdCompressCtx c = compressor;
    ZstdDecompressCtx d = decompressor;
    CLEANER.register(this, () -> {
      c.close();
      d.close();
    });
  }

  @Override
  public int maxCompressedLength(int rawLength) {
    return (int) Zstd.compressBound(rawLength);
  }

  @Override
  public int compress(byte[] src, int rawLength, byte[] dst, int dstOffset) {
    try {
      return compressor.compressByteArray(dst, dstOffset, dst.length - dstOffset, src, 0, rawLength);
    } catch (ZstdException e) {
      throw Exceptions.illegalState(e, "zstd compression failed: %s", e.getMessage());
    }
  }

  @Override
  public void decompress(byte[] src, int offset, int length, byte[] dst, int rawLength) {
    int n;
    try {
      n = decompressor.decompressByteArray(dst, 0, rawLength, src, offset, length);
    } catch (ZstdException e) {
      throw CompressErrors.undecodable("zstd", e);
    }
    if (n != rawLength) {
      throw CompressErrors.decodedLength("zstd", n, rawLength, "bytes");
    }
  }
}

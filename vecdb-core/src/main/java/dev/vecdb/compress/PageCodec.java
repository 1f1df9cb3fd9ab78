package dev.vecdb.compress;

import java.lang.foreign.MemorySegment;

/**
 * Compresses one page of values (at most 16 KiB of them, in their stored little-endian form) for the paged
 * formats. A codec instance keeps scratch buffers: it is not thread-safe; every reader and writer uses its own.
 */
public interface PageCodec {
  /** An upper bound of the compressed size of {@code rawLength} bytes. */
  int maxCompressedLength(int rawLength);

  /**
   * Compresses {@code src[0, rawLength)} into {@code dst} from index {@code dstOffset}, which must leave at least
   * {@link #maxCompressedLength} bytes of room.
   *
   * @return the compressed length
   */
  int compress(byte[] src, int rawLength, byte[] dst, int dstOffset);

  /**
   * Decompresses {@code src[offset, offset + length)} into {@code dst[0, rawLength)}.
   *
   * @throws dev.vecdb.CorruptionException if the input is not a valid page of exactly {@code rawLength} bytes
   */
  void decompress(byte[] src, int offset, int length, byte[] dst, int rawLength);

  /**
   * Decompresses {@code src[offset, offset + length)} where the codec keeps its decoded values, if it can: then
   * the page's {@code rawLength} bytes (in their stored form) without a copy into the caller's buffer, valid until
   * this codec's next call. A scan then reads the values from the memory the decoder just wrote.
   *
   * @return the page's bytes, or null if this codec (or this value type) only decompresses into a buffer: then
   *     nothing was read, call {@link #decompress}
   * @throws dev.vecdb.CorruptionException as {@link #decompress}
   */
  default MemorySegment decompressed(byte[] src, int offset, int length, int rawLength) {
    return null;
  }
}

package dev.vecdb;

/**
 * How a vector stores its values. The format is recorded in the vector's header; reopening with another format
 * fails unless the vector is opened with reset-on-mismatch.
 */
public enum Format {
  /** Raw values, little-endian: portable between machines. */
  BYTES(0),
  /** Raw values in the machine's native byte order, readable as zero-copy {@code MemorySegment} views. */
  ZERO_COPY(1),
  /** Pages compressed with pco (numeric types only). */
  PCO(64),
  /** Pages compressed with LZ4. */
  LZ4(65),
  /** Pages compressed with Zstandard. */
  ZSTD(66);

  private final int code;

  Format(int code) {
    this.code = code;
  }

  /** The format's code in a vector header. */
  public int code() {
    return code;
  }

  /** Whether values are stored uncompressed, one after the other. */
  public boolean isRaw() {
    return this == BYTES || this == ZERO_COPY;
  }

  /** The format with header code {@code code}, or null. */
  public static Format ofCode(int code) {
    for (Format f : values()) {
      if (f.code == code) {
        return f;
      }
    }
    return null;
  }
}

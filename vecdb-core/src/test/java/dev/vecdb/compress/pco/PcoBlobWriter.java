package dev.vecdb.compress.pco;

/**
 * Test helper: writes hand-made pco blobs field by field (little-endian bit order, as the format), so a test can
 * build exactly the defect or the claim it needs. Not thread-safe.
 */
final class PcoBlobWriter {
  private final BitWriter w = new BitWriter();

  PcoBlobWriter() {
    w.reset();
  }

  /** Writes the low {@code n} bits of {@code value} (higher bits must be zero). */
  PcoBlobWriter bits(long value, int n) {
    w.write(value, n);
    return this;
  }

  /** Pads with zero bits to the next byte boundary. */
  PcoBlobWriter align() {
    w.alignZero();
    return this;
  }

  /** A standalone header (standalone version 3, no uniform type) and format 4.1. */
  PcoBlobWriter header(long countHint) {
    return header(3, 0, countHint, 4);
  }

  /** A standalone header of the given versions; the format minor byte is 1 when {@code major >= 4}. */
  PcoBlobWriter header(int version, int uniformType, long countHint, int major) {
    bits(0x216f6370L, 32).bits(version, 8).bits(uniformType, 8);
    int p = Math.max(1, 64 - Long.numberOfLeadingZeros(countHint));
    bits(p - 1, 6).bits(countHint, p).align().bits(major, 8);
    return major >= 4 ? bits(1, 8) : this;
  }

  /** A chunk's type byte and value count. */
  PcoBlobWriter chunk(PcoNumberType type, int n) {
    return bits(type.code(), 8).bits(n - 1, 24);
  }

  /** A latent variable's bins: a single bin at {@code lower} with {@code offsetBits} offset bits. */
  PcoBlobWriter singleBin(int latentBits, long lower, int offsetBits) {
    bits(0, 4).bits(1, LatentVar.BITS_N_BINS).bits(lower, latentBits);
    return bits(offsetBits, Latents.bitsForOffsetBits(latentBits));
  }

  byte[] bytes() {
    return w.toByteArray();
  }
}

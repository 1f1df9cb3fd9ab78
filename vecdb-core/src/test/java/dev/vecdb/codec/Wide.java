package dev.vecdb.codec;

/**
 * A record with 70 long components, more than the 63 that one method handle could take as separate
 * {@code (MemorySegment, long, ByteOrder)} reader arguments.
 */
public record Wide(
    long c0, long c1, long c2, long c3, long c4, long c5, long c6, long c7, long c8, long c9, long c10, long c11,
    long c12, long c13, long c14, long c15, long c16, long c17, long c18, long c19, long c20, long c21, long c22,
    long c23, long c24, long c25, long c26, long c27, long c28, long c29, long c30, long c31, long c32, long c33,
    long c34, long c35, long c36, long c37, long c38, long c39, long c40, long c41, long c42, long c43, long c44,
    long c45, long c46, long c47, long c48, long c49, long c50, long c51, long c52, long c53, long c54, long c55,
    long c56, long c57, long c58, long c59, long c60, long c61, long c62, long c63, long c64, long c65, long c66,
    long c67, long c68, long c69) {
  static Wide of(long[] v) {
    return new Wide(
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16],
        v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31],
        v[32], v[33], v[34], v[35], v[36], v[37], v[38], v[39], v[40], v[41], v[42], v[43], v[44], v[45], v[46],
        v[47], v[48], v[49], v[50], v[51], v[52], v[53], v[54], v[55], v[56], v[57], v[58], v[59], v[60], v[61],
        v[62], v[63], v[64], v[65], v[66], v[67], v[68], v[69]);
  }
}

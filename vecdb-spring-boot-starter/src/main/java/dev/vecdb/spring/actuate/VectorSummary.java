package dev.vecdb.spring.actuate;

import dev.vecdb.spring.VecdbStats;
import dev.vecdb.spring.VectorDeclaration;
import dev.vecdb.vec.StoredVec;

/**
 * What the {@code vecdb} endpoint reports about one vector: lengths, holes, stamp and sizes of its written state,
 * the state readers see. Immutable.
 *
 * @param name the vector's name
 * @param type its value type as configured ({@code i64}, {@code bytes32}, {@code record:com.acme.Candle}, ...)
 * @param format its storage format as configured ({@code bytes}, {@code zero-copy}, ...)
 * @param version its user version
 * @param length written values, holes included
 * @param holes written deletions
 * @param stamp stamp of the last written stamped write
 * @param storedBytes bytes it occupies in the database
 * @param uncompressedBytes bytes its written values take uncompressed
 * @param compressionRatio uncompressed bytes per stored byte
 */
public record VectorSummary(String name, String type, String format, int version, long length, long holes,
    long stamp, long storedBytes, long uncompressedBytes, double compressionRatio) {

  /** The summary of declared vector {@code vector}, whose database must be open. */
  public static VectorSummary of(VectorDeclaration declaration, StoredVec vector) {
    return new VectorSummary(vector.name(), declaration.type().label(), VecdbStats.formatLabel(vector.format()),
        vector.version(), vector.storedLen(), vector.writtenHoleCount(), vector.writtenStamp(),
        VecdbStats.storedBytes(vector), VecdbStats.uncompressedBytes(vector), VecdbStats.compressionRatio(vector));
  }
}

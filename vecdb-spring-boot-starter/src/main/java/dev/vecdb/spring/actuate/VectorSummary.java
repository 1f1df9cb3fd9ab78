package dev.vecdb.spring.actuate;

import dev.vecdb.spring.VecdbStats;
import dev.vecdb.vec.StoredVec;

/**
 * What the {@code vecdb} endpoint reports about one vector: lengths and sizes of its written state; holes and stamp
 * as its writer last set them. Immutable.
 *
 * @param name the vector's name
 * @param type its value type ({@code i64}, ...)
 * @param format its storage format ({@code bytes}, {@code zero-copy}, ...)
 * @param version its user version
 * @param length written values, holes included
 * @param holes deleted values, including deletions not yet written
 * @param stamp stamp of the last stamped write
 * @param storedBytes bytes it occupies in the database
 * @param uncompressedBytes bytes its written values take uncompressed
 * @param compressionRatio uncompressed bytes per stored byte
 */
public record VectorSummary(String name, String type, String format, int version, long length, long holes,
    long stamp, long storedBytes, long uncompressedBytes, double compressionRatio) {

  /** The summary of {@code vector}, whose database must be open. */
  public static VectorSummary of(StoredVec vector) {
    return new VectorSummary(vector.name(), vector.typeLabel(), VecdbStats.formatLabel(vector.format()),
        vector.version(), vector.storedLen(), vector.holeCount(), vector.stamp(), VecdbStats.storedBytes(vector),
        VecdbStats.uncompressedBytes(vector), VecdbStats.compressionRatio(vector));
  }
}

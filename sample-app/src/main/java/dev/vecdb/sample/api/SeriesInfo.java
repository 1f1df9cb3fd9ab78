package dev.vecdb.sample.api;

import dev.vecdb.spring.actuate.VectorSummary;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.StoredVec;

/**
 * One series as {@code GET /api/series} lists it: the vector's type, format, written length, stamp and sizes.
 * Immutable.
 *
 * @param name the series (vector) name
 * @param type value type ({@code u64}, {@code f64}, {@code bytes32}, ...)
 * @param format storage format ({@code zero-copy}, {@code pco}, {@code lz4}, ...)
 * @param length written values
 * @param stamp the stamp of the last stamped write: the height of the last block written
 * @param storedBytes bytes the vector occupies in the database
 * @param uncompressedBytes bytes its values take uncompressed
 * @param compressionRatio uncompressed bytes per stored byte
 * @param numeric whether its values are numbers (chartable)
 */
record SeriesInfo(String name, String type, String format, long length, long stamp, long storedBytes,
    long uncompressedBytes, double compressionRatio, boolean numeric) {

  static SeriesInfo of(StoredVec vector) {
    VectorSummary summary = VectorSummary.of(vector);
    return new SeriesInfo(summary.name(), summary.type(), summary.format(), summary.length(), summary.stamp(),
        summary.storedBytes(), summary.uncompressedBytes(), summary.compressionRatio(),
        !(vector instanceof ObjVec<?>));
  }
}

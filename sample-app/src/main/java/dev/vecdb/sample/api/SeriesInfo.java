package dev.vecdb.sample.api;

import dev.vecdb.spring.VectorDeclaration;
import dev.vecdb.spring.actuate.VectorSummary;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.StoredVec;

/**
 * One series as {@code GET /api/series} lists it. Immutable.
 *
 * @param name the series name
 * @param kind {@code source} (a chain vector), {@code eager} (computed and stored) or {@code lazy} (computed on read)
 * @param type value type as configured ({@code u64}, {@code f64}, {@code bytes32}, ...)
 * @param format storage format ({@code zero-copy}, {@code pco}, {@code lz4}, ...; {@code lazy} when not stored)
 * @param length written values
 * @param stamp the stamp of the last stamped write, the height of the last block written (0 when not stored)
 * @param storedBytes bytes the vector occupies in the database (0 when not stored)
 * @param uncompressedBytes bytes its values take uncompressed (0 when not stored)
 * @param compressionRatio uncompressed bytes per stored byte (0 when not stored)
 * @param numeric whether its values are numbers (chartable)
 */
record SeriesInfo(String name, String kind, String type, String format, long length, long stamp, long storedBytes,
    long uncompressedBytes, double compressionRatio, boolean numeric) {

  static SeriesInfo of(VectorDeclaration declaration, StoredVec vector, String kind) {
    VectorSummary summary = VectorSummary.of(declaration, vector);
    return new SeriesInfo(summary.name(), kind, summary.type(), summary.format(), summary.length(), summary.stamp(),
        summary.storedBytes(), summary.uncompressedBytes(), summary.compressionRatio(),
        !(vector instanceof ObjVec<?>));
  }

  static SeriesInfo lazy(String name, String type, long length) {
    return new SeriesInfo(name, "lazy", type, "lazy", length, 0, 0, 0, 0, true);
  }
}

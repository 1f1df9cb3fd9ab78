package dev.vecdb.sample.api;

import dev.vecdb.vec.ByteReader;
import dev.vecdb.vec.ByteVec;
import dev.vecdb.vec.DoubleReader;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.Exportable;
import dev.vecdb.vec.FloatReader;
import dev.vecdb.vec.FloatVec;
import dev.vecdb.vec.IntReader;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjReader;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.ShortReader;
import dev.vecdb.vec.ShortVec;
import dev.vecdb.vec.StoredVec;
import java.util.function.Consumer;

/**
 * Exports written values of a vector as JSON or CSV through a reader opened for the call, so that any request
 * thread can read while the chain's writer appends. Stateless.
 */
final class SeriesExport {
  private SeriesExport() {}

  /** Length of the vector's written state: what a reader sees. */
  static long writtenLength(StoredVec vector) {
    return vector.storedLen();
  }

  /** The JSON array of {@code range} ({@code null} at a hole, byte arrays as hex strings). */
  static String json(StoredVec vector, SeriesRange range) {
    try (OpenReader reader = OpenReader.of(vector)) {
      return reader.values().toJson(range.from(), range.to());
    }
  }

  /** The CSV of {@code range}: a header line with the series name, then one value per line. */
  static String csv(StoredVec vector, SeriesRange range) {
    try (OpenReader reader = OpenReader.of(vector)) {
      return reader.values().appendCsv(new StringBuilder(vector.name()).append('\n'), range.from(), range.to())
          .toString();
    }
  }

  /** A reader of any vector type, closed with the try block that opened it. */
  private record OpenReader(Exportable values, Runnable closer) implements AutoCloseable {
    static OpenReader of(StoredVec vector) {
      return switch (vector) {
        case LongVec v -> open(v.reader(), LongReader::close);
        case IntVec v -> open(v.reader(), IntReader::close);
        case DoubleVec v -> open(v.reader(), DoubleReader::close);
        case FloatVec v -> open(v.reader(), FloatReader::close);
        case ShortVec v -> open(v.reader(), ShortReader::close);
        case ByteVec v -> open(v.reader(), ByteReader::close);
        case ObjVec<?> v -> open(v.reader(), ObjReader::close);
        default -> throw new IllegalArgumentException("vector '" + vector.name() + "' of "
            + vector.getClass().getSimpleName() + " has no reader to export from");
      };
    }

    private static <R extends Exportable> OpenReader open(R reader, Consumer<R> close) {
      return new OpenReader(reader, () -> close.accept(reader));
    }

    @Override
    public void close() {
      closer.run();
    }
  }
}

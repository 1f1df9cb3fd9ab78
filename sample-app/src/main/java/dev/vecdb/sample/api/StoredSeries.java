package dev.vecdb.sample.api;

import dev.vecdb.spring.VectorDeclaration;
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
import java.util.function.Function;

/**
 * A series stored in a declared vector, read through a reader opened for each read: lock-free, on any thread, while
 * the chain's writer appends. Immutable.
 *
 * @param declaration how the vector is declared
 * @param vector the vector
 * @param kind {@code source} for the chain's own vectors, {@code eager} for computed ones
 */
record StoredSeries(VectorDeclaration declaration, StoredVec vector, String kind) implements Series {
  @Override
  public String name() {
    return vector.name();
  }

  @Override
  public SeriesInfo info() {
    return SeriesInfo.of(declaration, vector, kind);
  }

  @Override
  public <T> T read(Function<? super Exportable, T> read) {
    return switch (vector) {
      case LongVec v -> readWith(v.reader(), LongReader::close, read);
      case IntVec v -> readWith(v.reader(), IntReader::close, read);
      case DoubleVec v -> readWith(v.reader(), DoubleReader::close, read);
      case FloatVec v -> readWith(v.reader(), FloatReader::close, read);
      case ShortVec v -> readWith(v.reader(), ShortReader::close, read);
      case ByteVec v -> readWith(v.reader(), ByteReader::close, read);
      case ObjVec<?> v -> readWith(v.reader(), ObjReader::close, read);
      default -> throw new IllegalArgumentException("vector '" + vector.name() + "' of "
          + vector.getClass().getSimpleName() + " has no reader");
    };
  }

  private static <R extends Exportable, T> T readWith(R reader, Consumer<R> close,
      Function<? super Exportable, T> read) {
    try {
      return read.apply(reader);
    } finally {
      close.accept(reader);
    }
  }
}

package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.ByteVec;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.FloatVec;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ShortVec;
import dev.vecdb.vec.StoredVec;

/**
 * One of the ten numeric types, stored in the primitive vector of its width ({@code i64} and {@code u64} in a
 * {@link LongVec}, ..., {@code f32} in a {@link FloatVec}). Immutable, thread-safe.
 *
 * @param number the numeric type
 */
public record NumericVectorType(NumberType number) implements VectorType {
  @Override
  public String label() {
    return number.label();
  }

  @Override
  public Class<? extends StoredVec> beanClass() {
    return switch (number) {
      case I8, U8 -> ByteVec.class;
      case I16, U16 -> ShortVec.class;
      case I32, U32 -> IntVec.class;
      case I64, U64 -> LongVec.class;
      case F32 -> FloatVec.class;
      case F64 -> DoubleVec.class;
    };
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  @Override
  public StoredVec open(Database database, String name, VecOptions options) {
    return database.numericVec(name, number, options);
  }
}

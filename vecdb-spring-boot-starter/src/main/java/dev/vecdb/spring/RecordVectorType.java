package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.ValueCodec;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.StoredVec;

/**
 * Records of fixed-size components ({@code record:com.acme.Candle}), stored in an {@link ObjVec} with the codec
 * derived from the record class. Immutable, thread-safe.
 *
 * @param recordClass the record class of the values
 */
public record RecordVectorType(Class<? extends Record> recordClass) implements VectorType {
  /** The configuration prefix of a record type. */
  static final String PREFIX = "record:";

  @Override
  public String label() {
    return PREFIX + recordClass.getName();
  }

  @Override
  public Class<? extends StoredVec> beanClass() {
    return ObjVec.class;
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  @Override
  public StoredVec open(Database database, String name, VecOptions options) {
    return database.objVec(name, ValueCodec.record(recordClass), options);
  }
}

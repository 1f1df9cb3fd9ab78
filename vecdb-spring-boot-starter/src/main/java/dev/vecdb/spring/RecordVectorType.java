package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.vec.StoredVec;

/**
 * Records of fixed-size components ({@code record:com.acme.Candle}). Accepted in the configuration; opening fails
 * until vecdb-core provides its generic object vector. Immutable, thread-safe.
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
    return StoredVec.class;
  }

  @Override
  public boolean isNumeric() {
    return false;
  }

  @Override
  public StoredVec open(Database database, String name, VecOptions options) {
    throw new UnsupportedOperationException("vectors of records (" + recordClass.getName()
        + ") are not supported by this vecdb-core version yet");
  }
}

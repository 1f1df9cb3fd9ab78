package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.StoredVec;

/**
 * Fixed-length byte arrays ({@code bytes32}: 32 bytes per value), stored in an {@link ObjVec ObjVec&lt;byte[]&gt;}.
 * Immutable, thread-safe.
 *
 * @param size bytes per value
 */
public record FixedBytesVectorType(int size) implements VectorType {
  /**
   * @throws IllegalArgumentException if {@code size} is not positive
   */
  public FixedBytesVectorType {
    if (size <= 0) {
      throw new IllegalArgumentException("a byte-array value needs at least 1 byte, got " + size);
    }
  }

  @Override
  public String label() {
    return "bytes" + size;
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
    return database.bytesVec(name, size, options);
  }
}

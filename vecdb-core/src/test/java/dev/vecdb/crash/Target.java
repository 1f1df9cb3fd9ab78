package dev.vecdb.crash;

/**
 * What the crash workload drives: the real database or the in-memory model. Vectors are addressed by number; every
 * vector holds {@code long} values (each implementation narrows them to its value type the same way).
 */
interface Target {
  int VECTORS = 3;

  long len(int vec);

  boolean isHole(int vec, long index);

  void push(int vec, long value);

  void update(int vec, long index, long value);

  void delete(int vec, long index);

  void truncate(int vec, long newLen);

  long fillFirstHoleOrPush(int vec, long value);

  /** Stamps every vector with {@code stamp}, storing change sets, then flushes the database. */
  void stampedFlush(long stamp);

  /** Whether every vector has a change set for its current stamp. */
  boolean canRollback();

  /** Rolls every vector back one stamp; returns the stamp reached. */
  long rollback();

  long stamp();
}

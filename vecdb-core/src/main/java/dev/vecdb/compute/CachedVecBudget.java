package dev.vecdb.compute;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Grants the copies a budgeted cached vector ({@code CachedLongVec.wrapBudgeted}, {@code CachedDoubleVec...}) takes:
 * before a read copies the wrapped vector, the budget is asked, with the number of reads of that cached vector so
 * far; when it refuses, the read goes to the wrapped vector. Share one budget between many cached vectors to bound
 * the memory they hold together. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CachedVecBudget {
  /** A budget that grants every copy. */
  CachedVecBudget UNLIMITED = accessCount -> true;

  /**
   * Asks for one copy.
   *
   * @param accessCount the number of reads of the cached vector so far, this one included
   * @return whether the copy may be taken
   */
  boolean tryReserve(long accessCount);

  /** A budget of {@code copies} copies, shared by every cached vector it is given to; each copy uses one. */
  static CachedVecBudget slots(long copies) {
    AtomicLong left = new AtomicLong(copies);
    return accessCount -> left.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
  }
}

package dev.vecdb.vec;

/**
 * One decoded change record of a commit: what one vector write, creation or removal did on the leader.
 */
sealed interface ChangeRecord permits ChangeRecord.Unknown {
  /** Decodes the next record of {@code in}. */
  static ChangeRecord decode(RecordInput in) {
    int type = in.readByte();
    throw in.corrupt("unknown record type " + type);
  }

  /** Placeholder until the record types are in place. */
  record Unknown() implements ChangeRecord {}
}

package dev.vecdb.vec;

import dev.vecdb.store.RegionIds;

/**
 * One decoded change record of a commit: what one vector creation, removal or write did on the leader. Every record
 * starts with a type byte and the vector's name (varint length, UTF-8).
 */
sealed interface ChangeRecord permits CreateRecord, RemoveRecord, WriteRecord {
  /** Decodes the next record of {@code in}. */
  static ChangeRecord decode(RecordInput in) {
    int type = in.readByte();
    String name = in.readString();
    if (!RegionIds.isValid(name) || name.indexOf('@') >= 0) {
      throw in.corrupt("a record names an invalid vector '" + name + "'");
    }
    return switch (type) {
      case CreateRecord.TYPE -> CreateRecord.decode(name, in);
      case RemoveRecord.TYPE -> new RemoveRecord(name);
      case WriteRecord.TYPE -> WriteRecord.decode(name, in);
      default -> throw in.corrupt("unknown record type " + type + " (vector '" + name + "')");
    };
  }

  /** The vector the record is about. */
  String name();

  /** Applies the record to the follower's vector (the caller holds the right to write). */
  void applyTo(CommitApplier.Target target);
}

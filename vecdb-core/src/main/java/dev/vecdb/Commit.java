package dev.vecdb;

import dev.vecdb.internal.Exceptions;

import java.nio.ByteBuffer;

/**
 * One commit of a database opened with a commit log ({@link DatabaseOptions#commitLog()}): its number, the leader's
 * wall-clock time of the commit, and its payload, the encoded change records of every vector write, creation and
 * removal of the commit in their order (see {@code docs/replication.md} for the format). The payload checks itself:
 * it ends with a CRC32C of everything before it and names its own commit number, so a damaged or misassembled
 * commit is refused by {@link Replica#apply(Commit)} with a {@link CorruptionException} before anything is applied.
 *
 * <p>Immutable and safe to share between threads. A follower rebuilds a shipped commit with {@link #of}.
 */
public final class Commit {
  private final long number;
  private final long committedAtMillis;
  private final ByteBuffer payload;

  private Commit(long number, long committedAtMillis, ByteBuffer payload) {
    this.number = number;
    this.committedAtMillis = committedAtMillis;
    this.payload = payload;
  }

  /**
   * The commit {@code number} with {@code payload} (its remaining bytes, copied), as it was shipped from the leader.
   *
   * @throws IllegalArgumentException if {@code number} is not positive
   */
  public static Commit of(long number, long committedAtMillis, ByteBuffer payload) {
    if (number <= 0) {
      throw Exceptions.illegalArgument("a commit number is positive, got %s", number);
    }
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
    copy.put(payload.duplicate()).flip();
    return new Commit(number, committedAtMillis, copy.asReadOnlyBuffer());
  }

  /** The commit number: {@link Database#commitNumber()} of the leader once this commit completed. */
  public long number() {
    return number;
  }

  /** The leader's wall clock when it committed, in milliseconds since the epoch. */
  public long committedAtMillis() {
    return committedAtMillis;
  }

  /** The encoded change records: a read-only buffer positioned at 0; each call returns an independent view. */
  public ByteBuffer payload() {
    return payload.duplicate();
  }

  /** The payload's length in bytes. */
  public int size() {
    return payload.capacity();
  }

  @Override
  public String toString() {
    return "Commit[" + number + ", " + size() + " bytes, at " + committedAtMillis + "]";
  }
}

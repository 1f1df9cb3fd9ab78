package dev.vecdb.kafka;

import dev.vecdb.Commit;
import dev.vecdb.Replica;

/** A {@link CommitSink} over a follower database's {@link Replica}. */
final class ReplicaSink implements CommitSink {
  private final Replica replica;

  ReplicaSink(Replica replica) {
    this.replica = replica;
  }

  @Override
  public String name() {
    return "database " + replica.database().path();
  }

  @Override
  public long commitNumber() {
    return replica.database().commitNumber();
  }

  @Override
  public boolean apply(ShippedCommit commit) {
    return replica.apply(Commit.of(commit.number(), commit.committedAtMillis(), commit.payload()));
  }
}

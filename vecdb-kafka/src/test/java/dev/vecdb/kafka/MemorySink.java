package dev.vecdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.CommitGapException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CommitSink} in memory: applies a commit by noting its number and size after checking its payload against
 * {@link MemoryOutbox#payload}; refuses gaps as a replica does.
 */
final class MemorySink implements CommitSink {
  private final List<Long> applied = new ArrayList<>();
  private volatile long commitNumber;

  MemorySink(long commitNumber) {
    this.commitNumber = commitNumber;
  }

  @Override
  public String name() {
    return "memory sink";
  }

  @Override
  public long commitNumber() {
    return commitNumber;
  }

  @Override
  public synchronized boolean apply(ShippedCommit commit) {
    if (commit.number() <= commitNumber) {
      return false;
    }
    if (commit.number() != commitNumber + 1) {
      throw new CommitGapException("memory sink: commits " + (commitNumber + 1) + ".." + (commit.number() - 1)
          + " are missing", commitNumber + 1, commit.number());
    }
    assertThat(commit.payload()).isEqualTo(MemoryOutbox.payload(commit.number(), commit.size()));
    applied.add(commit.number());
    commitNumber = commit.number();
    return true;
  }

  /** The numbers applied, in order. */
  synchronized List<Long> applied() {
    return List.copyOf(applied);
  }
}

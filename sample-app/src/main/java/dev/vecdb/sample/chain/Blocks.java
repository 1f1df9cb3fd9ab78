package dev.vecdb.sample.chain;

import java.util.Optional;

/**
 * The written blocks of the chain, as the API serves them: the leader's {@link Chain}, or a replica's
 * {@link ReplicaBlocks}. Implementations are safe on any thread.
 */
public interface Blocks {
  /** The newest block every vector has written. */
  Block latest();

  /** The written block at {@code height}, if the chain has it. */
  Optional<Block> block(long height);
}

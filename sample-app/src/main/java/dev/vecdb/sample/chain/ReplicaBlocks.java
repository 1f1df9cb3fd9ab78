package dev.vecdb.sample.chain;

import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The blocks of a replica (profile {@code replica}): the chain's vectors as the follower applied them from the
 * leader's commits, read through readers. A replica has no {@link Chain}: nothing here writes, and the derived
 * metrics are read as the leader computed them.
 *
 * <p>Threads: safe on any thread. The follower applies a commit vector by vector, so while it applies a reorg a block
 * read may, for that instant, take some fields from the replaced branch; every field is a value the leader wrote.
 */
@Component
@Profile("replica")
class ReplicaBlocks implements Blocks {
  private final ChainVectors vectors;

  ReplicaBlocks(ChainVectors vectors) {
    this.vectors = vectors;
  }

  @Override
  public Block latest() {
    return vectors.read(vectors.writtenLength() - 1);
  }

  @Override
  public Optional<Block> block(long height) {
    return height >= 0 && height < vectors.writtenLength() ? Optional.of(vectors.read(height)) : Optional.empty();
  }
}

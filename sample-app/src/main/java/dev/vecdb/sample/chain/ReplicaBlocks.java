package dev.vecdb.sample.chain;

import dev.vecdb.Database;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The blocks of a replica (profile {@code replica}): the chain's vectors as the follower applied them from the
 * leader's commits, read through readers. A replica has no {@link Chain}: nothing here writes, and the derived
 * metrics are read as the leader computed them.
 *
 * <p>Threads: safe on any thread. The follower applies a commit vector by vector; a block is read through
 * {@link Database#readCommitted}, so all its fields come from one commit even while a reorg is applied.
 */
@Component
@Profile("replica")
class ReplicaBlocks implements Blocks {
  private final ChainVectors vectors;
  private final Database database;

  ReplicaBlocks(ChainVectors vectors, Database database) {
    this.vectors = vectors;
    this.database = database;
  }

  @Override
  public Block latest() {
    return database.readCommitted(() -> vectors.read(vectors.writtenLength() - 1));
  }

  @Override
  public Optional<Block> block(long height) {
    return database.readCommitted(() -> height >= 0 && height < vectors.writtenLength()
        ? Optional.of(vectors.read(height)) : Optional.empty());
  }
}

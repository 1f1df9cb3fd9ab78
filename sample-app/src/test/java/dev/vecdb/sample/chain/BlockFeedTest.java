package dev.vecdb.sample.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockFeedTest {
  private static List<Block> chain(long seed, int length) {
    List<Block> blocks = new ArrayList<>();
    Block block = BlockFeed.genesis(seed);
    blocks.add(block);
    while (blocks.size() < length) {
      block = BlockFeed.next(block, seed);
      blocks.add(block);
    }
    return blocks;
  }

  @Test
  void theSameSeedGivesTheSameChain() {
    List<Block> first = chain(7, 500);
    List<Block> second = chain(7, 500);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i).hashHex()).isEqualTo(first.get(i).hashHex());
      assertThat(second.get(i).priceCents()).isEqualTo(first.get(i).priceCents());
      assertThat(second.get(i).timestamp()).isEqualTo(first.get(i).timestamp());
    }
  }

  @Test
  void anotherSeedForksTheChainFromTheSameParent() {
    Block parent = chain(7, 100).getLast();
    Block main = BlockFeed.next(parent, 7);
    Block fork = BlockFeed.next(parent, 8);
    assertThat(fork.height()).isEqualTo(main.height()).isEqualTo(100);
    assertThat(fork.hashHex()).isNotEqualTo(main.hashHex());
  }

  @Test
  void blocksLookLikeAChain() {
    List<Block> blocks = chain(42, 5_000);
    for (int i = 1; i < blocks.size(); i++) {
      Block parent = blocks.get(i - 1);
      Block block = blocks.get(i);
      assertThat(block.height()).isEqualTo(i);
      assertThat(block.timestamp()).isGreaterThan(parent.timestamp());
      assertThat(block.priceCents()).isEqualTo(Math.rint(block.priceCents())).isGreaterThanOrEqualTo(100);
      assertThat(Math.abs(block.priceCents() / parent.priceCents() - 1)).isLessThan(0.02);
      assertThat(block.txCount()).isBetween(1_500, 3_999);
      assertThat(block.fees()).isBetween(block.txCount() * 1_000L, block.txCount() * 9_999L);
      assertThat(block.hash()).hasSize(32);
    }
    double meanSpacing = (double) (blocks.getLast().timestamp() - blocks.getFirst().timestamp()) / blocks.size();
    assertThat(meanSpacing).isBetween(500.0, 700.0);
  }
}

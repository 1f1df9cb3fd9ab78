package dev.vecdb.sample.api;

import dev.vecdb.sample.chain.Blocks;
import dev.vecdb.sample.chain.Chain;
import dev.vecdb.sample.chain.ReorgRejectedException;
import dev.vecdb.sample.chain.ReorgResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Blocks and reorgs: {@code GET /api/blocks/latest}, {@code GET /api/blocks/{height}} and
 * {@code POST /api/reorg?toHeight=}. A replica (no {@link Chain}) serves the blocks and refuses reorgs.
 */
@RestController
@RequestMapping("/api")
class BlockController {
  private final Blocks blocks;
  private final ObjectProvider<Chain> chain;

  BlockController(Blocks blocks, ObjectProvider<Chain> chain) {
    this.blocks = blocks;
    this.chain = chain;
  }

  @GetMapping("/blocks/latest")
  BlockView latest() {
    return BlockView.of(blocks.latest());
  }

  @GetMapping("/blocks/{height}")
  BlockView block(@PathVariable long height) {
    return blocks.block(height).map(BlockView::of)
        .orElseThrow(() -> ApiProblem.unknownBlock(height, blocks.latest().height() + 1));
  }

  @PostMapping("/reorg")
  ReorgResult reorg(@RequestParam long toHeight) {
    Chain writer = chain.getIfAvailable();
    if (writer == null) {
      throw ApiProblem.readOnlyReplica("a reorg");
    }
    try {
      return writer.reorg(toHeight);
    } catch (ReorgRejectedException e) {
      throw ApiProblem.reorgRejected(e);
    }
  }
}

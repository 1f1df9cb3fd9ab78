package dev.vecdb.sample.api;

import dev.vecdb.sample.chain.Chain;
import dev.vecdb.sample.chain.ReorgRejectedException;
import dev.vecdb.sample.chain.ReorgResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Blocks and reorgs: {@code GET /api/blocks/latest}, {@code GET /api/blocks/{height}} and
 * {@code POST /api/reorg?toHeight=}.
 */
@RestController
@RequestMapping("/api")
class BlockController {
  private final Chain chain;

  BlockController(Chain chain) {
    this.chain = chain;
  }

  @GetMapping("/blocks/latest")
  BlockView latest() {
    return BlockView.of(chain.latest());
  }

  @GetMapping("/blocks/{height}")
  BlockView block(@PathVariable long height) {
    return chain.block(height).map(BlockView::of)
        .orElseThrow(() -> ApiProblem.unknownBlock(height, chain.latest().height() + 1));
  }

  @PostMapping("/reorg")
  ReorgResult reorg(@RequestParam long toHeight) {
    try {
      return chain.reorg(toHeight);
    } catch (ReorgRejectedException e) {
      throw ApiProblem.reorgRejected(e);
    }
  }
}

package dev.vecdb.sample;

import dev.vecdb.sample.chain.Block;
import dev.vecdb.sample.chain.BlockFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The oracle of a load test: every branch the chain has taken, rebuilt on the client side from the feed's seeds and
 * the reorgs' answers ({@code toHeight}, {@code branchSeed}). {@link BlockFeed} makes a block a function of its
 * parent and its branch's seed, so a branch defines every height: below its fork the values of the branch it forked
 * from, from the fork on the blocks of its seed, including those the schedule has not produced yet. A series range
 * read from one published state equals the same range of one branch; a range mixing states matches none.
 *
 * <p>Threads: safe on any thread; blocks are generated on demand under the model's lock.
 */
final class ChainModel {
  /** What a range of one series is checked against: its values at a height of a branch, as text. */
  enum Series {
    TIMESTAMP("timestamp", false), PRICE("price", true), FEES("fees", false), HASH("hash", false),
    TX_COUNT_CUMULATIVE("tx-count-cumulative", false), FEES_ROLLING("fees-rolling", false),
    FEE_PER_TX("fee-per-tx", true);

    final String path;
    private final boolean floating;

    Series(String path, boolean floating) {
      this.path = path;
      this.floating = floating;
    }

    /** A value as the API sends it (a JSON number or string, a CSV field), in the form {@link #value} gives. */
    String parse(Object sent) {
      if (sent instanceof Number number) {
        return floating ? Double.toString(number.doubleValue()) : Long.toString(number.longValue());
      }
      String text = sent.toString();
      return this == HASH ? text : floating ? Double.toString(Double.parseDouble(text)) : text;
    }
  }

  /** A branch: the blocks from {@code fork} on are those of {@code seed}; below, those of {@code parent}. */
  private static final class Branch {
    final Branch parent;
    final long fork;
    final long seed;
    final List<Block> blocks = new ArrayList<>();
    /** Cumulative transaction count at {@code fork + i}. */
    final List<Long> txTotals = new ArrayList<>();

    Branch(Branch parent, long fork, long seed) {
      this.parent = parent;
      this.fork = fork;
      this.seed = seed;
    }
  }

  private final int feeWindow;
  private final List<Branch> branches = new CopyOnWriteArrayList<>();

  /**
   * @param seed the main branch's seed ({@code sample.feed.seed})
   * @param feeWindow the rolling fee sum's window ({@code sample.derived.fee-window})
   */
  ChainModel(long seed, long feeWindow) {
    this.feeWindow = Math.toIntExact(feeWindow);
    branches.add(new Branch(null, 0, seed));
  }

  /** Records a reorg's answer: the newest branch forks at {@code toHeight} with {@code seed}. */
  void reorged(long toHeight, long seed) {
    branches.add(new Branch(branches.getLast(), toHeight, seed));
  }

  /** Branches taken so far. */
  int branchCount() {
    return branches.size();
  }

  /**
   * Whether {@code sent}, the values of {@code series} from {@code from}, are those of one branch.
   *
   * @return the number of the branch they match (0 the main one), -1 for none
   */
  int matchingBranch(Series series, long from, List<?> sent) {
    List<Branch> known = List.copyOf(branches);
    for (int b = known.size() - 1; b >= 0; b--) {
      if (matches(known.get(b), series, from, sent)) {
        return b;
      }
    }
    return -1;
  }

  private synchronized boolean matches(Branch branch, Series series, long from, List<?> sent) {
    for (int i = 0; i < sent.size(); i++) {
      if (!series.parse(sent.get(i)).equals(value(branch, series, from + i))) {
        return false;
      }
    }
    return true;
  }

  private String value(Branch branch, Series series, long height) {
    Block block = block(branch, height);
    return switch (series) {
      case TIMESTAMP -> Long.toString(block.timestamp());
      case PRICE -> Double.toString(block.priceCents());
      case FEES -> Long.toString(block.fees());
      case HASH -> block.hashHex();
      case TX_COUNT_CUMULATIVE -> Long.toString(txTotal(branch, height));
      case FEES_ROLLING -> Long.toString(feesRolling(branch, height));
      case FEE_PER_TX -> Double.toString((double) block.fees() / block.txCount());
    };
  }

  private long feesRolling(Branch branch, long height) {
    long sum = 0;
    for (long h = Math.max(0, height - feeWindow + 1); h <= height; h++) {
      sum += block(branch, h).fees();
    }
    return sum;
  }

  private Block block(Branch branch, long height) {
    Branch owner = owner(branch, height);
    extend(owner, height);
    return owner.blocks.get((int) (height - owner.fork));
  }

  private long txTotal(Branch branch, long height) {
    Branch owner = owner(branch, height);
    extend(owner, height);
    return owner.txTotals.get((int) (height - owner.fork));
  }

  private static Branch owner(Branch branch, long height) {
    Branch owner = branch;
    while (height < owner.fork) {
      owner = owner.parent;
    }
    return owner;
  }

  /** Generates the blocks of {@code branch} up to {@code height}. */
  private void extend(Branch branch, long height) {
    while (branch.fork + branch.blocks.size() <= height) {
      long next = branch.fork + branch.blocks.size();
      Block block;
      long total;
      if (next == 0) {
        block = BlockFeed.genesis(branch.seed);
        total = 0;
      } else {
        block = BlockFeed.next(block(branch, next - 1), branch.seed);
        total = txTotal(branch, next - 1);
      }
      branch.blocks.add(block);
      branch.txTotals.add(total + block.txCount());
    }
  }
}

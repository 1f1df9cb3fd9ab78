package dev.vecdb.bench;

import dev.vecdb.bench.peers.OriginalCommand;
import dev.vecdb.bench.peers.PeersCommand;
import dev.vecdb.bench.replication.ReplicationCommand;
import java.util.Arrays;

/**
 * Entry point of {@code benchmarks.jar}: {@code peers [options]} runs the peer comparison ({@link PeersCommand}),
 * {@code original [options]} the Rust original's own workload ({@link OriginalCommand}), {@code replication
 * [options]} the replication measurements ({@link ReplicationCommand}), anything else is handed to
 * JMH unchanged ({@code java -jar benchmarks.jar ReadBench -f 1}). Command-line only.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Dispatches to the peer runner or to JMH. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("peers")) {
      System.exit(PeersCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("replication")) {
      System.exit(ReplicationCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("original")) {
      System.exit(OriginalCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    org.openjdk.jmh.Main.main(args);
  }
}

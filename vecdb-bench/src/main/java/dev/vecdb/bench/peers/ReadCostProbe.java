package dev.vecdb.bench.peers;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.bench.MappedLongs;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a reader's random point read is made of: the original's 100 000 random reads of step (g) over the 10 M
 * sequential {@code u64} of a {@code BYTES} vector, as four loops interleaved in one process, each summing the same
 * indices: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar dev.vecdb.bench.peers.ReadCostProbe
 * <dir> [rounds]} (the dataset is the one {@code OpenProbe bytes <dir>} creates). Prints, in ns per read, the median
 * of the last half of the rounds (default 40) with its min–max, and the 1-minute load average:
 *
 * <ul>
 *   <li>{@code limit}: {@link MappedLongs#sumAt}, a plain loop over the vector's mapping (the JIT hoists the
 *       segment's checks out of it);
 *   <li>{@code barriers}: {@link MappedLongs#sumAtAsReader}, the same loop with a reader's two barriers per read;
 *   <li>{@code barriers, constant segment}: the same barriers, but the value is read at the mapping's address through
 *       a segment that is a compile-time constant (the whole address space, global scope), so that nothing of the
 *       segment is left to check per read. Not something a library may do: such a read has no bounds and no
 *       liveness check, and reading a mapping after its arena is closed crashes the JVM. It isolates the cost of the
 *       barriers themselves from that of the segment's per-read checks, which the barriers keep the JIT from
 *       hoisting;
 *   <li>{@code reader}: {@link LongReader#get}, vecdb's point read.
 * </ul>
 *
 * Command-line only; single-threaded.
 */
public final class ReadCostProbe {
  private static final long N = 10_000_000;
  @SuppressWarnings("restricted")
  private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
  private static final String[] LOOPS = {"limit", "barriers", "barriers, constant segment", "reader"};

  /** The mapping's address as the constant-segment loop sees it: written once, read volatile per read. */
  private static final class Address {
    volatile long address;
    volatile int overwrites;
  }

  private ReadCostProbe() {}

  /** Runs the probe; see the class comment. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    long[] indices = RandomIndices.of(N, OriginalWorkload.READS);
    long expected = Arrays.stream(indices).sum();
    try (Database db = Database.open(dir)) {
      LongVec vec = db.longVec("bench", NumberType.U64, VecOptions.of(Format.BYTES));
      if (vec.len() != N) {
        throw new IllegalStateException("expected " + N + " values in " + dir + ", found " + vec.len());
      }
      MemorySegment values = vec.storedValues();
      MappedLongs.Published published = new MappedLongs.Published(values);
      Address address = new Address();
      address.address = values.address();
      double[][] nanosPerRead = new double[LOOPS.length][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int loop = 0; loop < LOOPS.length; loop++) {
          long start = System.nanoTime();
          long sum = switch (loop) {
            case 0 -> MappedLongs.sumAt(values, indices, 0, indices.length);
            case 1 -> MappedLongs.sumAtAsReader(published, indices, 0, indices.length);
            case 2 -> sumAtConstant(address, indices);
            default -> sumThroughReader(vec, indices);
          };
          nanosPerRead[loop][r] = (System.nanoTime() - start) / (double) indices.length;
          if (sum != expected) {
            throw new IllegalStateException(LOOPS[loop] + ": sum " + sum + ", expected " + expected);
          }
        }
      }
      StringBuilder line = new StringBuilder();
      for (int loop = 0; loop < LOOPS.length; loop++) {
        double[] last = Arrays.copyOfRange(nanosPerRead[loop], rounds / 2, rounds);
        Arrays.sort(last);
        line.append(String.format(Locale.ROOT, "%s %.1f (%.1f–%.1f) | ", LOOPS[loop], last[last.length / 2], last[0],
            last[last.length - 1]));
      }
      System.out.println(line.append("load ").append(ProcessCounters.load1()));
    }
  }

  /** {@link MappedLongs#sumAtAsReader}'s barriers, the value read through {@link #EVERYTHING} at the address. */
  private static long sumAtConstant(Address current, long[] indices) {
    long sum = 0;
    for (long index : indices) {
      long value = EVERYTHING.get(MappedLongs.LE, current.address + index * 8);
      VarHandle.loadLoadFence();
      if (current.overwrites != 0) {
        throw new IllegalStateException("a value was overwritten in place during its read");
      }
      sum += value;
    }
    return sum;
  }

  private static long sumThroughReader(LongVec vec, long[] indices) {
    long sum = 0;
    try (LongReader reader = vec.reader()) {
      for (long index : indices) {
        sum += reader.get(index);
      }
    }
    return sum;
  }
}

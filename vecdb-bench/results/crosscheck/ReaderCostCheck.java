import dev.vecdb.*; import dev.vecdb.codec.NumberType; import dev.vecdb.store.RegionStore; import dev.vecdb.vec.*;
import java.lang.foreign.*; import java.nio.ByteOrder; import java.nio.file.*;
/** Cost of the reader's volatile reads vs one volatile read vs none, in one process (min of 60 reps is the figure to read). Run: java --enable-native-access=ALL-UNNAMED -cp vecdb-bench/target/benchmarks.jar ReaderCostCheck.java */
public class ReaderCostCheck {
  static final ValueLayout.OfLong LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  static final class S { volatile long vlen; volatile MemorySegment vview; MemorySegment view; long plen; }
  static long loopReader(LongReader r, long[] idx) { long s = 0; for (long i : idx) s += r.get(i); return s; }
  static long loopVolLen(S x, long[] idx) { long s = 0; for (long i : idx) { if (i >= x.vlen) throw new IllegalStateException(); s += x.view.get(LE, 64 + i * 8); } return s; }
  static long loopVolView(S x, long[] idx) { long s = 0; for (long i : idx) { MemorySegment v = x.vview; s += v.get(LE, 64 + i * 8); } return s; }
  static long loopPlain(S x, long[] idx) { long s = 0; for (long i : idx) { if (i >= x.plen) throw new IllegalStateException(); s += x.view.get(LE, 64 + i * 8); } return s; }
  public static void main(String[] a) throws Exception {
    int N = 10_000_000; Path dir = Files.createTempDirectory("t");
    Database db = Database.open(dir); LongVec v = db.longVec("bench", NumberType.I64, VecOptions.DEFAULT);
    for (long i = 0; i < N; i++) v.push(i); v.write(); LongReader rd = v.reader();
    db.flush(); Path copy = Files.createTempDirectory("t-copy"); db.snapshot(copy); // the raw loops map the same region layout from a copy of this commit
    RegionStore regions = RegionStore.openReadOnly(copy);
    S x = new S(); x.vlen = N; x.plen = N; x.view = regions.get("bench").segment(); x.vview = x.view;
    long[] idx = new long[100000]; long st = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < idx.length; i++) { st ^= st << 13; st ^= st >>> 7; st ^= st << 17; idx[i] = Long.remainderUnsigned(st, N); }
    double[][] best = new double[4][1]; for (double[] b : best) b[0] = 1e9;
    for (int r = 0; r < 60; r++) {
      long t0 = System.nanoTime(); long s0 = loopReader(rd, idx);
      long t1 = System.nanoTime(); long s1 = loopVolLen(x, idx);
      long t2 = System.nanoTime(); long s2 = loopVolView(x, idx);
      long t3 = System.nanoTime(); long s3 = loopPlain(x, idx);
      long t4 = System.nanoTime();
      double[] d = {(t1-t0)/1e5, (t2-t1)/1e5, (t3-t2)/1e5, (t4-t3)/1e5};
      for (int k = 0; k < 4; k++) best[k][0] = Math.min(best[k][0], d[k]);
      if (r % 10 == 9) System.out.printf("reader %.1f volLen %.1f volView %.1f plain %.1f | min %.1f %.1f %.1f %.1f %b%n", d[0], d[1], d[2], d[3], best[0][0], best[1][0], best[2][0], best[3][0], s0==s3&&s1==s2);
    }
    rd.close(); db.close(); regions.close();
    for (Path root : new Path[] {dir, copy}) try (var w = Files.walk(root)) { for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p); }
  }
}

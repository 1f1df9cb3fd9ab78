import dev.vecdb.*; import dev.vecdb.codec.NumberType; import dev.vecdb.store.RegionStore; import dev.vecdb.vec.*;
import java.lang.foreign.*; import java.nio.*; import java.nio.channels.*; import java.nio.file.*;
/** Does the layout of vecdb's mapping (values 64 bytes into a larger sparse file) slow a sequential sum? Run: java --enable-native-access=ALL-UNNAMED -cp vecdb-bench/target/benchmarks.jar MappingLayoutCheck.java */
public class MappingLayoutCheck {
  static final ValueLayout.OfLong LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  static long sum(MemorySegment m) { long n = m.byteSize() / 8, s = 0; for (long i = 0; i < n; i++) s += m.get(LE, i * 8); return s; }
  static void wr(FileChannel ch, MemorySegment src, long pos) throws Exception { ByteBuffer b = src.asByteBuffer(); while (b.hasRemaining()) ch.write(b, pos + b.position()); }
  public static void main(String[] a) throws Exception {
    int N = 10_000_000; long B = N * 8L; Path dir = Files.createTempDirectory("f"); Arena ar = Arena.ofShared();
    MemorySegment buf = ar.allocate(B, 8); for (long i = 0; i < N; i++) buf.set(LE, i * 8, i);
    FileChannel a1 = FileChannel.open(dir.resolve("a"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    wr(a1, buf, 0); MemorySegment mA = a1.map(FileChannel.MapMode.READ_ONLY, 0, B, ar);
    FileChannel b1 = FileChannel.open(dir.resolve("b"), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    b1.write(ByteBuffer.allocate(1), (1 << 20) - 1); wr(b1, ar.allocate(64), 0); b1.write(ByteBuffer.allocate(1), (256L << 20) - 1); wr(b1, buf, 64);
    MemorySegment mB = b1.map(FileChannel.MapMode.READ_ONLY, 0, 256L << 20, ar).asSlice(64, B);
    MemorySegment mB0 = b1.map(FileChannel.MapMode.READ_ONLY, 0, B + 64, ar).asSlice(64, B);
    Database db = Database.open(dir.resolve("db")); LongVec v = db.longVec("bench", NumberType.I64, VecOptions.DEFAULT);
    for (long i = 0; i < N; i++) v.push(i); v.write(); MemorySegment mV = v.storedValues();
    db.flush(); Path copy = dir.resolve("copy"); db.snapshot(copy); // the region layout, read through the public API from a copy of this commit
    try (RegionStore regions = RegionStore.openReadOnly(copy)) { System.out.println("vecdb region start " + regions.get("bench").start() + " file " + db.fileLength()); }
    MemorySegment[] ms = {mA, mB, mB0, mV}; String[] nm = {"A aligned exact map", "B +64 in 256MiB map", "B +64 exact map", "vecdb storedValues"};
    double[] best = new double[4]; java.util.Arrays.fill(best, 1e9); double[][] all = new double[4][40];
    for (int r = 0; r < 40; r++) for (int k = 0; k < 4; k++) { long t = System.nanoTime(); long s = sum(ms[k]); double d = (System.nanoTime() - t) / (double) N; all[k][r] = d; best[k] = Math.min(best[k], d); if (s != (long) N * (N - 1) / 2) throw new Error(); }
    for (int k = 0; k < 4; k++) { double[] x = all[k].clone(); java.util.Arrays.sort(x); System.out.printf("%-22s min %.3f median %.3f ns/value%n", nm[k], best[k], x[20]); }
    db.close(); a1.close(); b1.close(); ar.close();
    try (var w = Files.walk(dir)) { for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p); }
  }
}

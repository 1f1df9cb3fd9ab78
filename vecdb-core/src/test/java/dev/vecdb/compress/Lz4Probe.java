package dev.vecdb.compress;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;

/**
 * Child-process side of {@link Lz4PageCodecTest}: writes, reopens and sums an LZ4 vector of three pages in the
 * database named by the first argument, then prints the LZ4 implementation and the sum.
 */
public final class Lz4Probe {
  private Lz4Probe() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, VecOptions.of(Format.LZ4));
      for (long i = v.len(); i < 3 * 2048; i++) {
        v.push(i);
      }
      v.write();
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, VecOptions.of(Format.LZ4));
      System.out.println(Lz4PageCodec.implementation() + " sum=" + v.sum());
    }
  }
}

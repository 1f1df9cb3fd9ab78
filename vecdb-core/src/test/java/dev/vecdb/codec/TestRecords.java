package dev.vecdb.codec;

/** Records shared by the codec tests: public records nested in a package-private test class. */
final class TestRecords {
  private TestRecords() {}

  public record Candle(double open, double close, @Unsigned long volume, @FixedLength(32) byte[] hash) {}

  public record AllTypes(
      byte i8,
      @Unsigned byte u8,
      short i16,
      @Unsigned short u16,
      int i32,
      @Unsigned int u32,
      long i64,
      @Unsigned long u64,
      float f32,
      double f64,
      boolean flag,
      @FixedLength(4) byte[] raw) {}

  public record IntLong(int a, long b) {}

  public record Inner(short x, @FixedLength(2) byte[] tag) {}

  public record Outer(byte head, Inner inner, long tail) {}

  public record Pair(Outer left, Outer right) {}

  public record Flag(boolean value) {}
}

package dev.vecdb.bench.peers;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;

/**
 * vecdb-java in one format: a {@code u64} {@link LongVec} named {@code bench}, loaded with its bulk
 * {@link LongVec#pushAll} (64 Ki values per call) and one {@code write()}. The calling thread is the vector's
 * writer, so its point reads use {@link LongVec#get} (the owner's API); other threads read through their own
 * {@link LongReader}.
 */
final class VecdbStore implements PeerStore {
  /** Values per {@link LongVec#pushAll} call: the values are generated into a reused array of this size. */
  private static final int CHUNK = 1 << 16;

  private final Database db;
  private final LongVec vec;
  private final Thread owner = Thread.currentThread();

  private VecdbStore(Database db, Format format) {
    this.db = db;
    this.vec = db.longVec("bench", NumberType.U64, VecOptions.DEFAULT.withFormat(format));
  }

  static StoreOpener opener(Format format) {
    return (dir, capacity, durableRun) -> new VecdbStore(Database.open(dir), format);
  }

  @Override
  public void append(long n) {
    long[] chunk = new long[CHUNK];
    for (long start = 0; start < n; start += CHUNK) {
      int length = (int) Math.min(CHUNK, n - start);
      for (int k = 0; k < length; k++) {
        chunk[k] = start + k;
      }
      vec.pushAll(chunk, 0, length);
    }
    vec.write();
  }

  @Override
  public void makeDurable() {
    db.flush();
  }

  @Override
  public long count() {
    return vec.len();
  }

  @Override
  public long sum() {
    return vec.fold(0, vec.len(), 0L, Long::sum);
  }

  @Override
  public PointReader pointReader() {
    if (Thread.currentThread() == owner) {
      return PointReader.summing(vec::get);
    }
    LongReader reader = vec.reader();
    return PointReader.summing(reader::get, reader);
  }

  @Override
  public void close() {
    db.close();
  }
}

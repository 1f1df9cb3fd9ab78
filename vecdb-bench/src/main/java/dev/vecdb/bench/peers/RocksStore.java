package dev.vecdb.bench.peers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * RocksDB through rocksdbjni, default options: big-endian 8-byte keys (so byte order is index order), 8-byte
 * little-endian values, loaded in {@link WriteBatch}es of 10,000 puts with the WAL off. {@link #makeDurable} flushes
 * the memtables into SST files and waits (RocksDB syncs the files it writes). Reads use direct buffers: an iterator
 * for the linear read, {@code get(ReadOptions, ByteBuffer, ByteBuffer)} for point reads (thread-safe).
 */
final class RocksStore implements PeerStore {
  private static final int BATCH = 10_000;

  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final RocksDB db;

  private RocksStore(Options options, RocksDB db) {
    this.options = options;
    this.db = db;
  }

  static PeerStore open(Path dir, long capacity, boolean durableRun) throws RocksDBException {
    Options options = new Options().setCreateIfMissing(true);
    return new RocksStore(options, RocksDB.open(options, dir.toString()));
  }

  @Override
  public void append(long n) throws RocksDBException {
    byte[] key = new byte[8];
    byte[] value = new byte[8];
    ByteBuffer keyView = ByteBuffer.wrap(key).order(ByteOrder.BIG_ENDIAN);
    ByteBuffer valueView = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
    try (WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
        WriteBatch batch = new WriteBatch()) {
      for (long i = 0; i < n; i++) {
        keyView.putLong(0, i);
        valueView.putLong(0, i);
        batch.put(key, value);
        if (batch.count() == BATCH || i == n - 1) {
          db.write(writeOptions, batch);
          batch.clear();
        }
      }
    }
  }

  @Override
  public void makeDurable() throws RocksDBException {
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      db.flush(flush);
    }
  }

  @Override
  public long count() {
    try (RocksIterator it = db.newIterator()) {
      it.seekToLast();
      return it.isValid() ? ByteBuffer.wrap(it.key()).order(ByteOrder.BIG_ENDIAN).getLong(0) + 1 : 0;
    }
  }

  @Override
  public long sum() {
    ByteBuffer value = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
    long sum = 0;
    try (RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        it.value(value.clear());
        sum += value.getLong(0);
      }
    }
    return sum;
  }

  @Override
  public PointReader pointReader() {
    ReadOptions readOptions = new ReadOptions();
    ByteBuffer key = ByteBuffer.allocateDirect(8).order(ByteOrder.BIG_ENDIAN);
    ByteBuffer value = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
    return PointReader.summing(index -> {
      key.clear().putLong(0, index);
      db.get(readOptions, key, value.clear());
      return value.getLong(0);
    }, readOptions);
  }

  @Override
  public void close() {
    db.close();
    options.close();
  }
}

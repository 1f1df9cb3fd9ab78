package dev.vecdb.bench.peers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;

/**
 * LMDB through lmdbjava: one database with {@code MDB_INTEGERKEY} (8-byte native-order keys = index), 8-byte
 * values, loaded in one write transaction with {@code MDB_APPEND}. The environment runs with {@code MDB_NOSYNC}, so
 * a commit only writes the pages; {@link #makeDurable} is {@code mdb_env_sync(force)}. Readers use their own read
 * transactions ({@code MDB_NOTLS}: a transaction belongs to its object, not to its thread, so one thread may hold a
 * point reader's transaction while it sums in another); every buffer is direct and reused.
 */
final class LmdbStore implements PeerStore {
  private final Env<ByteBuffer> env;
  private final Dbi<ByteBuffer> dbi;

  private LmdbStore(Env<ByteBuffer> env) {
    this.env = env;
    this.dbi = env.openDbi("bench", DbiFlags.MDB_CREATE, DbiFlags.MDB_INTEGERKEY);
  }

  static PeerStore open(Path dir, long capacity, boolean durableRun) {
    long mapSize = Math.max(64L << 20, capacity * 64);
    return new LmdbStore(Env.create().setMapSize(mapSize).setMaxDbs(1).setMaxReaders(256)
        .open(dir.toFile(), EnvFlags.MDB_NOSYNC, EnvFlags.MDB_NOTLS));
  }

  private static ByteBuffer longBuffer() {
    return ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
  }

  @Override
  public void append(long n) {
    ByteBuffer key = longBuffer();
    ByteBuffer value = longBuffer();
    try (Txn<ByteBuffer> txn = env.txnWrite()) {
      for (long i = 0; i < n; i++) {
        key.putLong(0, i);
        value.putLong(0, i);
        dbi.put(txn, key, value, PutFlags.MDB_APPEND);
      }
      txn.commit();
    }
  }

  @Override
  public void makeDurable() {
    env.sync(true);
  }

  @Override
  public long count() {
    try (Txn<ByteBuffer> txn = env.txnRead()) {
      return dbi.stat(txn).entries;
    }
  }

  @Override
  public long sum() {
    long sum = 0;
    try (Txn<ByteBuffer> txn = env.txnRead(); Cursor<ByteBuffer> cursor = dbi.openCursor(txn)) {
      for (boolean more = cursor.first(); more; more = cursor.next()) {
        sum += cursor.val().order(ByteOrder.nativeOrder()).getLong(0);
      }
    }
    return sum;
  }

  @Override
  public PointReader pointReader() {
    Txn<ByteBuffer> txn = env.txnRead();
    ByteBuffer key = longBuffer();
    return PointReader.summing(index -> {
      key.putLong(0, index);
      return dbi.get(txn, key).order(ByteOrder.nativeOrder()).getLong(0);
    }, txn);
  }

  @Override
  public void close() {
    env.close();
  }
}

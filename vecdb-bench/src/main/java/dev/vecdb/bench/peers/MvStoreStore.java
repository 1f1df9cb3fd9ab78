package dev.vecdb.bench.peers;

import java.nio.file.Path;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.LongDataType;

/**
 * H2's MVStore (pure Java): an {@code MVMap<Long, Long>} with {@link LongDataType} keys and values, loaded with
 * {@link MVMap#append} (its bulk path for ascending keys), autocommit off. {@link #makeDurable} is
 * {@code commit()} then {@code sync()}. Keys and values are boxed: the map's API has no primitive path.
 */
final class MvStoreStore implements PeerStore {
  private final MVStore store;
  private final MVMap<Long, Long> map;

  private MvStoreStore(MVStore store) {
    this.store = store;
    this.map = store.openMap("bench",
        new MVMap.Builder<Long, Long>().keyType(LongDataType.INSTANCE).valueType(LongDataType.INSTANCE));
  }

  static PeerStore open(Path dir, long capacity, boolean durableRun) {
    return new MvStoreStore(new MVStore.Builder().fileName(dir.resolve("bench.mv.db").toString())
        .autoCommitDisabled().open());
  }

  @Override
  public void append(long n) {
    MVMap<Long, Long> m = map;
    for (long i = 0; i < n; i++) {
      m.append(i, i);
    }
  }

  @Override
  public void makeDurable() {
    store.commit();
    store.sync();
  }

  @Override
  public long count() {
    return map.sizeAsLong();
  }

  @Override
  public long sum() {
    long sum = 0;
    Cursor<Long, Long> cursor = map.cursor(null);
    while (cursor.hasNext()) {
      cursor.next();
      sum += cursor.getValue();
    }
    return sum;
  }

  @Override
  public PointReader pointReader() {
    MVMap<Long, Long> m = map;
    return PointReader.summing(m::get);
  }

  @Override
  public void close() {
    store.close();
  }
}

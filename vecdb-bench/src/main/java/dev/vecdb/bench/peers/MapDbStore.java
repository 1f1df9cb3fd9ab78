package dev.vecdb.bench.peers;

import java.nio.file.Path;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.IndexTreeList;
import org.mapdb.Serializer;

/**
 * MapDB 3: {@code indexTreeList("bench", Serializer.LONG)}, a persistent {@code List<Long>} indexed by position, in a
 * memory-mapped file store without transactions. {@link #makeDurable} is {@code commit()}, which syncs the volume.
 * Values are boxed: the list's API has no primitive path.
 */
final class MapDbStore implements PeerStore {
  private final DB db;
  private final IndexTreeList<Long> list;

  private MapDbStore(DB db) {
    this.db = db;
    this.list = db.indexTreeList("bench", Serializer.LONG).createOrOpen();
  }

  static PeerStore open(Path dir, long capacity, boolean durableRun) {
    return new MapDbStore(DBMaker.fileDB(dir.resolve("bench.mapdb").toFile()).fileMmapEnableIfSupported().make());
  }

  @Override
  public void append(long n) {
    IndexTreeList<Long> l = list;
    for (long i = 0; i < n; i++) {
      l.add(i);
    }
  }

  @Override
  public void makeDurable() {
    db.commit();
  }

  @Override
  public long count() {
    return list.size();
  }

  @Override
  public long sum() {
    long sum = 0;
    for (Long value : list) {
      sum += value;
    }
    return sum;
  }

  @Override
  public PointReader pointReader() {
    IndexTreeList<Long> l = list;
    return PointReader.summing(index -> l.get((int) index));
  }

  @Override
  public void close() {
    db.close();
  }
}

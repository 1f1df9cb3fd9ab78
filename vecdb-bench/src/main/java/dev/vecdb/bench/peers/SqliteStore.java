package dev.vecdb.bench.peers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * SQLite through sqlite-jdbc: a rowid table {@code bench(id INTEGER PRIMARY KEY, v INTEGER)} in WAL mode, loaded in
 * one transaction with batched prepared inserts. {@code synchronous=OFF} for the in-memory run, {@code FULL} for the
 * durable one, where the commit itself syncs the WAL. Each point reader has its own connection.
 */
final class SqliteStore implements PeerStore {
  private static final int BATCH = 10_000;

  private final String url;
  private final SQLiteConfig config;
  private final Connection connection;

  private SqliteStore(String url, SQLiteConfig config) throws SQLException {
    this.url = url;
    this.config = config;
    this.connection = config.createConnection(url);
  }

  static PeerStore open(Path dir, long capacity, boolean durableRun) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(durableRun ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.OFF);
    SqliteStore store = new SqliteStore("jdbc:sqlite:" + dir.resolve("bench.sqlite"), config);
    try (Statement statement = store.connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS bench(id INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
    }
    return store;
  }

  @Override
  public void append(long n) throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench(id, v) VALUES (?, ?)")) {
      for (long i = 0; i < n; i++) {
        insert.setLong(1, i);
        insert.setLong(2, i);
        insert.addBatch();
        if ((i + 1) % BATCH == 0 || i == n - 1) {
          insert.executeBatch();
        }
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  public void makeDurable() {
    // Nothing left: in the durable run synchronous=FULL, so append's commit synced the WAL.
  }

  /** The largest rowid + 1: exact for this dense table, and a B-tree descent instead of count(*)'s full scan. */
  @Override
  public long count() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT max(id) FROM bench")) {
      rs.next();
      long max = rs.getLong(1);
      return rs.wasNull() ? 0 : max + 1;
    }
  }

  @Override
  public long sum() throws SQLException {
    long sum = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT v FROM bench ORDER BY id")) {
      while (rs.next()) {
        sum += rs.getLong(1);
      }
    }
    return sum;
  }

  @Override
  public PointReader pointReader() throws SQLException {
    Connection own = config.createConnection(url);
    PreparedStatement select = own.prepareStatement("SELECT v FROM bench WHERE id = ?");
    return PointReader.summing(index -> {
      select.setLong(1, index);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }, () -> {
      select.close();
      own.close();
    });
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

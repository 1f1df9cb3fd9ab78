package dev.vecdb.bench.peers;

import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.CommitMode;
import io.questdb.cairo.DefaultCairoConfiguration;
import io.questdb.cairo.TableReader;
import io.questdb.cairo.TableToken;
import io.questdb.cairo.TableWriter;
import io.questdb.cairo.security.AllowAllSecurityContext;
import io.questdb.cairo.sql.Record;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContextImpl;
import io.questdb.std.Rows;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * QuestDB embedded: a non-partitioned table {@code bench (v long)} whose column is an append-only mapped file of
 * 8-byte values, row id = position (the closest physical layout to vecdb). Loaded through a {@link TableWriter}
 * ({@code newRow().putLong().append()}, one {@code commit()}); the commit mode is {@code NOSYNC} for the in-memory
 * run and {@code SYNC} for the durable one, where the commit itself syncs. Reads go through a table scan cursor,
 * point reads through its {@code recordAt(record, rowId)}; each reader has its own context, factory and cursor.
 */
final class QuestDbStore implements PeerStore {
  private static final String TABLE = "bench";

  private final CairoEngine engine;

  private QuestDbStore(CairoEngine engine) {
    this.engine = engine;
  }

  static PeerStore open(Path dir, long capacity, boolean durableRun) throws Exception {
    Path root = Files.createDirectories(dir.resolve("db"));
    int commitMode = durableRun ? CommitMode.SYNC : CommitMode.NOSYNC;
    CairoEngine engine = new CairoEngine(new DefaultCairoConfiguration(root.toString()) {
      @Override
      public int getCommitMode() {
        return commitMode;
      }
    });
    if (engine.getTableTokenIfExists(TABLE) == null) {
      engine.execute("create table " + TABLE + " (v long)", context(engine));
    }
    return new QuestDbStore(engine);
  }

  private static SqlExecutionContextImpl context(CairoEngine engine) {
    return new SqlExecutionContextImpl(engine, 1).with(AllowAllSecurityContext.INSTANCE);
  }

  private TableToken table() {
    return engine.verifyTableName(TABLE);
  }

  @Override
  public void append(long n) {
    try (TableWriter writer = engine.getWriter(table(), "bench load")) {
      for (long i = 0; i < n; i++) {
        TableWriter.Row row = writer.newRow();
        row.putLong(0, i);
        row.append();
      }
      writer.commit();
    }
  }

  @Override
  public void makeDurable() {
    // Nothing left: in the durable run the commit mode is SYNC, so append's commit synced the column files.
  }

  @Override
  public long count() {
    try (TableReader reader = engine.getReader(table())) {
      return reader.size();
    }
  }

  @Override
  public long sum() throws SqlException {
    SqlExecutionContextImpl context = context(engine);
    long sum = 0;
    try (RecordCursorFactory factory = engine.select(TABLE, context);
        RecordCursor cursor = factory.getCursor(context)) {
      Record record = cursor.getRecord();
      while (cursor.hasNext()) {
        sum += record.getLong(0);
      }
    }
    return sum;
  }

  @Override
  public PointReader pointReader() throws SqlException {
    SqlExecutionContextImpl context = context(engine);
    RecordCursorFactory factory = engine.select(TABLE, context);
    RecordCursor cursor = factory.getCursor(context);
    cursor.hasNext();
    Record record = cursor.getRecordB();
    return PointReader.summing(index -> {
      cursor.recordAt(record, Rows.toRowID(0, index));
      return record.getLong(0);
    }, () -> {
      cursor.close();
      factory.close();
    });
  }

  @Override
  public void close() {
    engine.close();
  }
}

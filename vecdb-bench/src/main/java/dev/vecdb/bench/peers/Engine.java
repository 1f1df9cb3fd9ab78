package dev.vecdb.bench.peers;

import dev.vecdb.Format;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The engines of the comparison: how each is named, opened, what its two write columns mean for durability, and the
 * JVM flags its child JVM needs on JDK 25 (from {@code java-ecosystem.md} section 4).
 */
enum Engine {
  FFM("FFM mapped file (the limit)", "hand-written loop over a MAP_SHARED mapping",
      "stores into the mapping, no msync", "msync + fdatasync", List.of(), FfmStore::open),
  VECDB_BYTES("vecdb BYTES", "LongVec pushAll + write()", "write(): in the mapping, no sync",
      "db.flush(): msync + fdatasync", List.of(), VecdbStore.opener(Format.BYTES)),
  VECDB_ZERO_COPY("vecdb ZERO_COPY", "LongVec pushAll + write()", "write(): in the mapping, no sync",
      "db.flush(): msync + fdatasync", List.of(), VecdbStore.opener(Format.ZERO_COPY)),
  VECDB_PCO("vecdb PCO", "LongVec pushAll + write()", "write(): in the mapping, no sync",
      "db.flush(): msync + fdatasync", List.of(), VecdbStore.opener(Format.PCO)),
  VECDB_LZ4("vecdb LZ4", "LongVec pushAll + write()", "write(): in the mapping, no sync",
      "db.flush(): msync + fdatasync", List.of(), VecdbStore.opener(Format.LZ4)),
  VECDB_ZSTD("vecdb ZSTD", "LongVec pushAll + write()", "write(): in the mapping, no sync",
      "db.flush(): msync + fdatasync", List.of(), VecdbStore.opener(Format.ZSTD)),
  LMDB("LMDB (lmdbjava)", "one write txn, MDB_INTEGERKEY + MDB_APPEND",
      "commit under MDB_NOSYNC (+ MDB_NOTLS)", "commit, then mdb_env_sync(force)",
      List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"),
      LmdbStore::open),
  ROCKSDB("RocksDB (rocksdbjni)", "WriteBatch of 10k puts, big-endian keys",
      "WAL off: memtables (background flushes run)", "flush(waitForFlush): memtables to synced SST files",
      List.of(), RocksStore::open),
  H2_MVSTORE("H2 MVStore", "MVMap<Long,Long> append (LongDataType)", "autocommit off: in the map, no commit",
      "commit() + sync()", List.of(), MvStoreStore::open),
  MAPDB("MapDB indexTreeList", "IndexTreeList<Long>.add, mmap file", "no commit (no transactions)",
      "commit(): volume sync", List.of(), MapDbStore::open),
  QUESTDB("QuestDB (embedded)", "TableWriter.newRow().putLong().append()", "commit, commit mode NOSYNC",
      "commit, commit mode SYNC", List.of(), QuestDbStore::open),
  SQLITE("SQLite (sqlite-jdbc)", "one transaction, batched prepared INSERT into a rowid table",
      "WAL, synchronous=OFF", "WAL, synchronous=FULL", List.of(), SqliteStore::open);

  /** Flags every child JVM gets: the native-backed engines load JNI or FFM code. */
  static final List<String> COMMON_FLAGS = List.of("--enable-native-access=ALL-UNNAMED");

  final String label;
  final String api;
  final String memoryDurability;
  final String durableDurability;
  final List<String> jvmFlags;
  final StoreOpener opener;

  Engine(String label, String api, String memoryDurability, String durableDurability, List<String> jvmFlags,
      StoreOpener opener) {
    this.label = label;
    this.api = api;
    this.memoryDurability = memoryDurability;
    this.durableDurability = durableDurability;
    this.jvmFlags = jvmFlags;
    this.opener = opener;
  }

  /** The command-line name: lower case, dashes ({@code vecdb-zero-copy}, {@code h2-mvstore}). */
  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for the vecdb rows (the ones the targets are about). */
  boolean isVecdb() {
    return name().startsWith("VECDB_");
  }

  /** The flags of this engine's child JVM. */
  List<String> allJvmFlags() {
    return Stream.concat(COMMON_FLAGS.stream(), jvmFlags.stream()).toList();
  }

  /**
   * The engine named {@code id}.
   *
   * @throws IllegalArgumentException naming the known ids when there is none
   */
  static Engine byId(String id) {
    return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown engine '" + id + "'; known: "
            + Arrays.stream(values()).map(Engine::id).toList()));
  }
}

package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.Database;
import dev.vecdb.store.Region;
import dev.vecdb.store.RegionStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a commit's change records to a follower database through its vectors: the instances the application has
 * open receive the changes (their readers see each write as the leader's readers saw it), and vectors it has not
 * opened are changed through an untyped {@link ReplayVec}. Internal: used by {@link dev.vecdb.Replica}.
 *
 * <p>Threads: {@link #applyTo} holds the database's {@link VecRegistry} for its whole run, so the application opening
 * a vector meanwhile waits for it rather than loading a half-applied write.
 */
public final class CommitApplier {
  private final List<ChangeRecord> records;
  private final String what;

  private CommitApplier(List<ChangeRecord> records, String what) {
    this.records = records;
    this.what = what;
  }

  /**
   * Checks and decodes the payload of commit {@code number} completely, before anything is applied.
   *
   * @throws CorruptionException if the payload fails its checksum or does not decode
   */
  public static CommitApplier decode(byte[] payload, long number, Database database) {
    String what = "commit " + number + " for database " + database.path();
    return new CommitApplier(CommitCodec.decode(payload, number, what), what);
  }

  /** The number of records. */
  public int size() {
    return records.size();
  }

  /**
   * Applies the records in order; the caller holds the right to write and flushes afterwards. Checks first, changing
   * nothing, that every vector written exists with the record's value size.
   *
   * @throws CorruptionException if a record does not fit the follower's vectors
   */
  public void applyTo(Database database) {
    VecRegistry registry = database.vectors();
    synchronized (registry) {
      checkVectors(database.regions());
      Target target = new Target(database, registry);
      for (ChangeRecord record : records) {
        record.applyTo(target);
      }
    }
  }

  /** Every write is to a vector that exists when it runs, with the value size it was written with. */
  private void checkVectors(RegionStore store) {
    Map<String, Integer> sizes = new HashMap<>();
    for (ChangeRecord record : records) {
      switch (record) {
        case CreateRecord c -> sizes.put(c.name(), c.header().valueSize);
        case RemoveRecord r -> sizes.put(r.name(), -1);
        case WriteRecord w -> {
          int size = sizes.computeIfAbsent(w.name(), name -> store.find(name)
              .map(region -> Header.decode(region.segment(), name).valueSize).orElse(-1));
          if (size != w.size()) {
            throw new CorruptionException(what + ": it writes " + w.size() + "-byte values to vector '" + w.name()
                + "', which " + (size == -1 ? "does not exist" : "holds " + size + "-byte values") + " on the "
                + "follower (nothing was applied)");
          }
        }
      }
    }
  }

  /** The follower's vectors as the records find them. */
  static final class Target {
    private final Database database;
    private final VecRegistry registry;

    private Target(Database database, VecRegistry registry) {
      this.database = database;
      this.registry = registry;
    }

    /** The instance of vector {@code name}: the open one, or an untyped one opened now. */
    StoredVec vector(String name, int compressionLevel) {
      return registry.find(name).orElseGet(() -> {
        Region main = database.regions().get(name);
        return registry.adopt(new ReplayVec(database, name, Header.decode(main.segment(), name), compressionLevel));
      });
    }

    /** Creates vector {@code name} afresh: whatever the follower holds under that name is removed first. */
    void create(String name, Header header, int compressionLevel) {
      remove(name);
      registry.adopt(new ReplayVec(database, name, header, compressionLevel));
    }

    /** Removes vector {@code name} and its regions, if it exists. */
    void remove(String name) {
      registry.forget(name);
      RegionStore store = database.regions();
      for (String id : store.ids()) {
        if (id.equals(name) || id.startsWith(name + "@")) {
          store.remove(id);
        }
      }
    }
  }
}

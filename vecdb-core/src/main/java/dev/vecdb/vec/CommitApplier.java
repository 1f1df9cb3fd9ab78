package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.internal.Exceptions;
import dev.vecdb.store.Region;
import dev.vecdb.store.RegionStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a commit's change records to a follower database through its vectors: the instances the application has
 * open receive the changes (their readers see each write as the leader's readers saw it), and vectors it has not
 * opened are changed through an untyped {@link ReplayVec}. Internal: {@link dev.vecdb.Replica} reaches it through
 * {@link dev.vecdb.internal.VecAccess#decodeCommit}.
 *
 * <p>Threads: {@link #applyTo} holds the database's {@link VecRegistry} for its whole run, so the application opening
 * a vector meanwhile waits for it rather than loading a half-applied write.
 */
final class CommitApplier {
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
  static CommitApplier decode(byte[] payload, long number, RegionStore store) {
    String what = "commit " + number + " for database " + store.path();
    return new CommitApplier(CommitCodec.decode(payload, number, what), what);
  }

  /**
   * Applies the records in order; the caller holds the right to write and flushes afterwards. Checks first, changing
   * nothing, that every vector written exists with the record's value size.
   *
   * @throws CorruptionException if a record does not fit the follower's vectors
   */
  void applyTo(VecRegistry registry) {
    synchronized (registry) {
      checkVectors(registry.store());
      Target target = new Target(registry);
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
            throw Exceptions.corruption("%s: it writes %s-byte values to vector '%s', which %s on the follower"
                + " (nothing was applied)", what, w.size(), w.name(),
                (size == -1 ? "does not exist" : "holds " + size + "-byte values"));
          }
        }
      }
    }
  }

  /** The follower's vectors as the records find them. */
  static final class Target {
    private final VecRegistry registry;

    private Target(VecRegistry registry) {
      this.registry = registry;
    }

    /** The instance of vector {@code name}: the open one, or an untyped one opened now. */
    StoredVec vector(String name, int compressionLevel) {
      return registry.find(name).orElseGet(() -> {
        Region main = registry.store().get(name);
        return registry.adopt(new ReplayVec(registry, name, Header.decode(main.segment(), name), compressionLevel));
      });
    }

    /** Creates vector {@code name} afresh: whatever the follower holds under that name is removed first. */
    void create(String name, Header header, int compressionLevel) {
      remove(name);
      registry.adopt(new ReplayVec(registry, name, header, compressionLevel));
    }

    /** Removes vector {@code name} and its regions, if it exists. */
    void remove(String name) {
      registry.forget(name);
      RegionStore store = registry.store();
      for (String id : store.ids()) {
        if (id.equals(name) || id.startsWith(name + "@")) {
          store.remove(id);
        }
      }
    }
  }
}

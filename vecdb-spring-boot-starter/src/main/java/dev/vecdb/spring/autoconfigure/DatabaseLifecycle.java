package dev.vecdb.spring.autoconfigure;

import dev.vecdb.ConcurrentMutationException;
import dev.vecdb.Database;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.vec.StoredVec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;

/**
 * Ends every {@link Database} bean of the context (the starter's or the application's own) in that bean's own
 * destruction, the way Boot ends a {@code DataSource}. The container destroys a bean only after every bean that
 * depends on it, so the database closes last: after the web server drained its requests and stopped and background
 * flushes stopped (both in the lifecycle stop phase, before any bean is destroyed), and after every bean that injects
 * a vector ran its {@code @PreDestroy}. Then, with {@code vecdb.flush-on-shutdown}, it writes every declared vector
 * (keeping pushed values) and flushes; it closes the database; and it deletes the database's directory when it was a
 * temporary one ({@code vecdb.temporary-directory}). A read-only database (a replication follower) is closed without
 * writing or flushing: only its applier changes it.
 *
 * <p>To make "depends on" hold for vector beans, which are created from {@link VecdbVectors} rather than injected
 * with their database, it registers each vector bean as a dependent of its database's bean.
 *
 * <p>Threads: the container calls it while creating and destroying beans; the maps it keeps are concurrent.
 */
final class DatabaseLifecycle implements DestructionAwareBeanPostProcessor {
  private static final Logger log = LoggerFactory.getLogger(DatabaseLifecycle.class);

  private final ConfigurableListableBeanFactory beans;
  private final boolean flushOnShutdown;
  private final Map<Database, VecdbVectors> declared = synchronizedIdentityMap();
  private final Map<Database, VecdbFlusher> flushers = synchronizedIdentityMap();
  private final Set<Path> temporaryDirectories = ConcurrentHashMap.newKeySet();

  /**
   * @param beans the factory whose databases it ends
   * @param flushOnShutdown whether to write declared vectors and flush before closing
   */
  DatabaseLifecycle(ConfigurableListableBeanFactory beans, boolean flushOnShutdown) {
    this.beans = beans;
    this.flushOnShutdown = flushOnShutdown;
  }

  private static <V> Map<Database, V> synchronizedIdentityMap() {
    return Collections.synchronizedMap(new IdentityHashMap<>());
  }

  /** A new temporary directory for a database, deleted after the database closed. */
  Path createTemporaryDirectory() {
    try {
      Path directory = Files.createTempDirectory("vecdb-").toAbsolutePath();
      temporaryDirectories.add(directory);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for vecdb.temporary-directory", e);
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    switch (bean) {
      case VecdbVectors vectors -> declared.put(vectors.database(), vectors);
      case VecdbFlusher flusher -> flushers.put(flusher.database(), flusher);
      case StoredVec vector -> dependOnDatabase(beanName, vector);
      default -> { }
    }
    return bean;
  }

  private void dependOnDatabase(String vectorBean, StoredVec vector) {
    for (String name : beans.getBeanNamesForType(Database.class, false, false)) {
      if (beans.containsSingleton(name) && beans.getSingleton(name) instanceof Database database
          && database.isOpen() && database.findVector(vector.name()).orElse(null) == vector) {
        beans.registerDependentBean(name, vectorBean);
      }
    }
  }

  @Override
  public boolean requiresDestruction(Object bean) {
    return bean instanceof Database;
  }

  @Override
  public void postProcessBeforeDestruction(Object bean, String beanName) {
    Database database = (Database) bean;
    VecdbVectors vectors = declared.remove(database);
    VecdbFlusher flusher = flushers.remove(database);
    if (database.isOpen()) {
      end(database, vectors, flusher);
    }
    if (temporaryDirectories.remove(database.path())) {
      delete(database.path());
    }
  }

  private void end(Database database, @Nullable VecdbVectors vectors, @Nullable VecdbFlusher flusher) {
    try {
      if (database.isReadOnly()) {
        log.info("Closing read-only vecdb database {}", database.path());
      } else if (flushOnShutdown) {
        log.info("Writing, flushing and closing vecdb database {}", database.path());
        if (vectors != null) {
          vectors.all().forEach(DatabaseLifecycle::write);
        }
        if (flusher != null) {
          flusher.flush();
        } else {
          database.flush();
        }
      } else {
        log.info("Closing vecdb database {} without flushing", database.path());
      }
    } catch (RuntimeException e) {
      log.error("vecdb database {} closes without the changes since its last successful flush", database.path(), e);
    } finally {
      database.close();
    }
  }

  private static void write(StoredVec vector) {
    try {
      vector.write();
    } catch (ConcurrentMutationException e) {
      log.warn("vecdb vector '{}' keeps its last written state: {}", vector.name(), e.getMessage());
    } catch (RuntimeException e) {
      log.error("vecdb vector '{}' could not be written at shutdown", vector.name(), e);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      log.warn("Cannot delete the temporary vecdb directory {}", directory, e);
    }
  }
}

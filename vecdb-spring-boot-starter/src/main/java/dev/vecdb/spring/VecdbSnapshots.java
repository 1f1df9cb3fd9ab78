package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.store.SnapshotReport;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes hot snapshots of the database into sub-directories of one configured directory, on behalf of the starter
 * (the {@code vecdbsnapshot} actuator operation). Each snapshot is observed as the Micrometer {@link Observation}
 * {@value #OBSERVATION} (a timer tagged {@code outcome} when Micrometer's metrics are configured), and the last
 * successful one is remembered for the {@code vecdb.snapshot.size} gauge.
 *
 * <p>Names: a snapshot's directory is {@code directory/name}; a name is 1 to 100 letters, digits, {@code .},
 * {@code _} or {@code -}, starting with a letter or digit, so that it always stays a direct child of the directory.
 * Without a name, the snapshot is named after the UTC time it starts ({@code snapshot-20261207T161354.123Z}).
 *
 * <p>Threads: safe to call from any thread; the database takes one snapshot at a time, while its writers keep
 * writing and flushing.
 */
public class VecdbSnapshots {
  /** Name of the snapshot observation, and of the timer it records. */
  public static final String OBSERVATION = "vecdb.snapshot";

  private static final Logger log = LoggerFactory.getLogger(VecdbSnapshots.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final DateTimeFormatter DEFAULT_NAME =
      DateTimeFormatter.ofPattern("'snapshot-'yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final KeyValue SUCCESS = KeyValue.of("outcome", "success");
  private static final KeyValue FAILURE = KeyValue.of("outcome", "failure");

  private final Database database;
  private final Path directory;
  private final ObservationRegistry observations;
  private final Clock clock;
  private volatile @Nullable TakenSnapshot last;

  /**
   * @param database the database to copy
   * @param directory where snapshots are written, each into its own sub-directory (created when missing)
   * @param observations where snapshots are observed ({@link ObservationRegistry#NOOP} for none)
   * @param clock the clock that names unnamed snapshots and times them
   */
  public VecdbSnapshots(Database database, Path directory, ObservationRegistry observations, Clock clock) {
    this.database = database;
    this.directory = directory.toAbsolutePath().normalize();
    this.observations = observations;
    this.clock = clock;
  }

  /**
   * Writes a consistent copy of the database's last completed commit into {@code directory/name} (see
   * {@link Database#snapshot(Path)}).
   *
   * @param name the snapshot's directory name, or null for one made of the current time
   * @return what was written, and how long it took
   * @throws IllegalArgumentException if {@code name} is not a valid name
   * @throws dev.vecdb.AlreadyExistsException if the snapshot's directory exists and is not empty
   * @throws dev.vecdb.StorageException if the copy cannot be written (its files are then deleted)
   */
  @SuppressWarnings("try") // the scope makes the observation current for the snapshot; nothing in it names it
  public TakenSnapshot take(@Nullable String name) {
    Instant start = clock.instant();
    String resolved = name != null ? name : DEFAULT_NAME.format(start);
    if (!NAME.matcher(resolved).matches()) {
      throw new IllegalArgumentException("invalid snapshot name '" + resolved + "': use 1 to 100 letters, digits, "
          + "'.', '_' or '-', starting with a letter or digit");
    }
    Observation observation = Observation.createNotStarted(OBSERVATION, observations)
        .contextualName("vecdb snapshot").start();
    try (Observation.Scope scope = observation.openScope()) {
      SnapshotReport report = database.snapshot(directory.resolve(resolved));
      observation.lowCardinalityKeyValue(SUCCESS);
      TakenSnapshot taken = new TakenSnapshot(report, start, Duration.between(start, clock.instant()));
      last = taken;
      log.info("Snapshot of vecdb database {} at commit {} written to {} ({} bytes in {})", database.path(),
          report.commitNumber(), report.target(), report.copiedBytes(), taken.duration());
      return taken;
    } catch (RuntimeException e) {
      observation.lowCardinalityKeyValue(FAILURE).error(e);
      throw e;
    } finally {
      observation.stop();
    }
  }

  /** The directory snapshots are written into. */
  public Path directory() {
    return directory;
  }

  /** The database this copies. */
  public Database database() {
    return database;
  }

  /** The last successful snapshot, if any. */
  public Optional<TakenSnapshot> last() {
    return Optional.ofNullable(last);
  }
}

package dev.vecdb.spring.autoconfigure;

import dev.vecdb.Format;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Settings of the vecdb database, bound from {@code vecdb.*}. The field comments are the configuration metadata
 * descriptions IDEs show. Mutable JavaBean for the binder; not thread-safe, read once at startup.
 */
@ConfigurationProperties(VecdbProperties.PREFIX)
public class VecdbProperties {
  /** The prefix of every vecdb property. */
  public static final String PREFIX = "vecdb";

  /**
   * Directory of the database, created if missing. Relative paths resolve against the working directory.
   */
  private Path path = Path.of("vecdb");

  /**
   * Whether the database lives in a new temporary directory, deleted when the application context closes, instead of
   * vecdb.path: one database per context, for tests.
   */
  private boolean temporaryDirectory = false;

  /**
   * Storage format of vectors that do not set their own: bytes, zero-copy, pco, lz4 or zstd.
   */
  private Format defaultFormat = Format.BYTES;

  /**
   * How many stamped change sets every vector keeps for rollback, unless the vector sets its own.
   */
  private int savedStampedChanges = 0;

  /**
   * Whether a stored vector whose version, format or value type differs from its declaration is wiped and started
   * empty instead of stopping startup, unless the vector sets its own.
   */
  private boolean resetOnMismatch = false;

  /**
   * Whether to write every declared vector and flush the database when the application shuts down. Without it,
   * changes since the last flush are discarded.
   */
  private boolean flushOnShutdown = true;

  /**
   * Interval of background flushes of the database; 0 disables them.
   */
  private Duration flushInterval = Duration.ZERO;

  /**
   * Vectors to open at startup, by name; each becomes a bean of that name. Each declaration sets type (i8, u8, i16,
   * u16, i32, u32, i64, u64, f32, f64, bytesN or record:fully.qualified.RecordClass) and optionally format,
   * version, saved-stamped-changes and reset-on-mismatch; any other key stops startup.
   */
  private Map<String, VectorProperties> vectors = new LinkedHashMap<>();

  /** Settings of the vecdb actuator endpoint. */
  @NestedConfigurationProperty
  private EndpointProperties endpoint = new EndpointProperties();

  /** Settings of the vecdb health indicator. */
  @NestedConfigurationProperty
  private HealthProperties health = new HealthProperties();

  public Path getPath() {
    return path;
  }

  public void setPath(Path path) {
    this.path = path;
  }

  public boolean isTemporaryDirectory() {
    return temporaryDirectory;
  }

  public void setTemporaryDirectory(boolean temporaryDirectory) {
    this.temporaryDirectory = temporaryDirectory;
  }

  public Format getDefaultFormat() {
    return defaultFormat;
  }

  public void setDefaultFormat(Format defaultFormat) {
    this.defaultFormat = defaultFormat;
  }

  public int getSavedStampedChanges() {
    return savedStampedChanges;
  }

  public void setSavedStampedChanges(int savedStampedChanges) {
    this.savedStampedChanges = savedStampedChanges;
  }

  public boolean isResetOnMismatch() {
    return resetOnMismatch;
  }

  public void setResetOnMismatch(boolean resetOnMismatch) {
    this.resetOnMismatch = resetOnMismatch;
  }

  public boolean isFlushOnShutdown() {
    return flushOnShutdown;
  }

  public void setFlushOnShutdown(boolean flushOnShutdown) {
    this.flushOnShutdown = flushOnShutdown;
  }

  public Duration getFlushInterval() {
    return flushInterval;
  }

  public void setFlushInterval(Duration flushInterval) {
    this.flushInterval = flushInterval;
  }

  public Map<String, VectorProperties> getVectors() {
    return vectors;
  }

  public void setVectors(Map<String, VectorProperties> vectors) {
    this.vectors = vectors;
  }

  public EndpointProperties getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(EndpointProperties endpoint) {
    this.endpoint = endpoint;
  }

  public HealthProperties getHealth() {
    return health;
  }

  public void setHealth(HealthProperties health) {
    this.health = health;
  }
}

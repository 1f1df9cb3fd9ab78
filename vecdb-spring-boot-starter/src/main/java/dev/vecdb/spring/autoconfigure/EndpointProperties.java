package dev.vecdb.spring.autoconfigure;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the {@code vecdb} actuator endpoint, bound from {@code vecdb.endpoint.*}. Mutable JavaBean for the
 * binder; not thread-safe, read once at startup.
 */
public class EndpointProperties {
  /**
   * Whether the endpoint's rollback operation may roll a vector back to its previous stamp.
   */
  private boolean rollbackEnabled = false;

  /**
   * Whether the vecdbsnapshot endpoint's write operation may write hot snapshots of the database into
   * vecdb.endpoint.snapshot-directory.
   */
  private boolean snapshotEnabled = false;

  /**
   * Directory the vecdbsnapshot endpoint writes snapshots into, one sub-directory per snapshot; created when missing.
   * Required when vecdb.endpoint.snapshot-enabled is true. Relative paths resolve against the working directory.
   */
  private @Nullable Path snapshotDirectory;

  /**
   * Most values one vector read returns; longer ranges are cut to this many values.
   */
  private int maxValues = 1000;

  public boolean isRollbackEnabled() {
    return rollbackEnabled;
  }

  public void setRollbackEnabled(boolean rollbackEnabled) {
    this.rollbackEnabled = rollbackEnabled;
  }

  public boolean isSnapshotEnabled() {
    return snapshotEnabled;
  }

  public void setSnapshotEnabled(boolean snapshotEnabled) {
    this.snapshotEnabled = snapshotEnabled;
  }

  public @Nullable Path getSnapshotDirectory() {
    return snapshotDirectory;
  }

  public void setSnapshotDirectory(@Nullable Path snapshotDirectory) {
    this.snapshotDirectory = snapshotDirectory;
  }

  public int getMaxValues() {
    return maxValues;
  }

  public void setMaxValues(int maxValues) {
    this.maxValues = maxValues;
  }
}

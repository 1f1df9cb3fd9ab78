package dev.vecdb.spring.autoconfigure;

import org.springframework.util.unit.DataSize;

/**
 * Settings of the {@code vecdb} health indicator, bound from {@code vecdb.health.*}. Mutable JavaBean for the
 * binder; not thread-safe, read once at startup.
 */
public class HealthProperties {
  /**
   * Free space the database's file system must have for the database to be reported healthy.
   */
  private DataSize minFreeSpace = DataSize.ofMegabytes(100);

  public DataSize getMinFreeSpace() {
    return minFreeSpace;
  }

  public void setMinFreeSpace(DataSize minFreeSpace) {
    this.minFreeSpace = minFreeSpace;
  }
}

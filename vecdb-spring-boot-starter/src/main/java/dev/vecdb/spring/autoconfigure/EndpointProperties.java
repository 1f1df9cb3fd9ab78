package dev.vecdb.spring.autoconfigure;

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
   * Most values one vector read returns; longer ranges are cut to this many values.
   */
  private int maxValues = 1000;

  public boolean isRollbackEnabled() {
    return rollbackEnabled;
  }

  public void setRollbackEnabled(boolean rollbackEnabled) {
    this.rollbackEnabled = rollbackEnabled;
  }

  public int getMaxValues() {
    return maxValues;
  }

  public void setMaxValues(int maxValues) {
    this.maxValues = maxValues;
  }
}

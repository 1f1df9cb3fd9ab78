package dev.vecdb.sample.chain;

/** A reorg that {@link Chain#reorg(long)} refuses before touching any vector; {@link #reason()} says why. */
public class ReorgRejectedException extends RuntimeException {
  /** Why a reorg is refused. */
  public enum Reason {
    /** The height is not a block of the chain that could be replaced. */
    OUT_OF_RANGE,
    /** Undoing down to the height needs change sets older than the ones vecdb keeps. */
    BELOW_RETAINED_STAMPS
  }

  private final Reason reason;

  ReorgRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the reorg was refused. */
  public Reason reason() {
    return reason;
  }
}

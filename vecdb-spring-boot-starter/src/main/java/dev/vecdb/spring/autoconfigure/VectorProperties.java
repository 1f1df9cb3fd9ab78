package dev.vecdb.spring.autoconfigure;

import dev.vecdb.Format;
import org.jspecify.annotations.Nullable;

/**
 * The declaration of one vector, bound from {@code vecdb.vectors.<name>.*}. Unset options inherit the database-wide
 * settings of {@link VecdbProperties}. Mutable JavaBean for the binder; not thread-safe, read once at startup.
 */
public class VectorProperties {
  /**
   * Value type: i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, bytesN (fixed-length byte arrays, e.g. bytes32) or
   * record:fully.qualified.RecordClass.
   */
  private @Nullable String type;

  /**
   * Storage format: bytes, zero-copy, pco, lz4 or zstd. Defaults to vecdb.default-format.
   */
  private @Nullable Format format;

  /**
   * User version; bump it when the meaning of the stored values changes.
   */
  private int version = 1;

  /**
   * How many stamped change sets to keep for rollback. Defaults to vecdb.saved-stamped-changes.
   */
  private @Nullable Integer savedStampedChanges;

  /**
   * Whether to wipe the stored vector when its version, format or value type differs. Defaults to
   * vecdb.reset-on-mismatch.
   */
  private @Nullable Boolean resetOnMismatch;

  public @Nullable String getType() {
    return type;
  }

  public void setType(@Nullable String type) {
    this.type = type;
  }

  public @Nullable Format getFormat() {
    return format;
  }

  public void setFormat(@Nullable Format format) {
    this.format = format;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }

  public @Nullable Integer getSavedStampedChanges() {
    return savedStampedChanges;
  }

  public void setSavedStampedChanges(@Nullable Integer savedStampedChanges) {
    this.savedStampedChanges = savedStampedChanges;
  }

  public @Nullable Boolean getResetOnMismatch() {
    return resetOnMismatch;
  }

  public void setResetOnMismatch(@Nullable Boolean resetOnMismatch) {
    this.resetOnMismatch = resetOnMismatch;
  }
}

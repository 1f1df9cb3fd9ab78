package dev.vecdb;

/**
 * A stored structure carries a format version this vecdb cannot read: it was written by a newer (or an unknown)
 * vecdb. The files are not damaged; upgrade vecdb to open them. The message names the file or vector, the structure,
 * the version found and the versions supported.
 *
 * <p>A subclass of {@link CorruptionException} because, for code that only asks "can these files be read", the
 * answer is the same: no value of the structure is served.
 */
public class UnsupportedFormatVersionException extends CorruptionException {
  private static final long serialVersionUID = 1L;

  private final int found;
  private final int supported;

  /**
   * @param where the file or vector and the structure, e.g. {@code "vector 'prices': header"}
   * @param found the version stored
   * @param supported the one version this vecdb reads and writes
   */
  public UnsupportedFormatVersionException(String where, int found, int supported) {
    super(where + ": format version " + found + " is not supported (this vecdb reads version " + supported
        + "; a newer vecdb wrote it?)");
    this.found = found;
    this.supported = supported;
  }

  /** The version stored. */
  public int found() {
    return found;
  }

  /** The version this vecdb reads and writes. */
  public int supported() {
    return supported;
  }
}

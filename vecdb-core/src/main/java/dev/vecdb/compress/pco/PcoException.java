package dev.vecdb.compress.pco;

import dev.vecdb.CorruptionException;

/**
 * A pco blob could not be decoded: it is corrupt, truncated (the message then contains "insufficient data") or
 * does not match what the caller asked for (number type, destination capacity). Immutable.
 */
public class PcoException extends CorruptionException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and where */
  public PcoException(String message) {
    super(message);
  }
}

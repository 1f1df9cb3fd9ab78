package dev.vecdb;

/**
 * A vector was mutated from a second thread while another thread was writing it. A vector has one writer at a
 * time: the thread that mutates it owns it until its next {@code write()} or {@code flush()}; only then may another
 * thread mutate it. Readers never conflict with the writer.
 */
public class ConcurrentMutationException extends VecdbException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the vector, the owning thread and what to do
   */
  public ConcurrentMutationException(String message) {
    super(message);
  }
}

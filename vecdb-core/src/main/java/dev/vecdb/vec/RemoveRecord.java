package dev.vecdb.vec;

/**
 * The record of a vector's removal ({@link VecRegistry#remove}): a follower removes the vector and every region it
 * stores data in. No body after the type byte and the name.
 */
record RemoveRecord(String name) implements ChangeRecord {
  static final int TYPE = 2;

  /** Records the removal of vector {@code name}, when {@code recorder} is on. */
  static void record(CommitRecorder recorder, String name) {
    if (recorder != null) {
      RecordOutput out = new RecordOutput(8 + name.length() * 3);
      out.writeByte(TYPE);
      out.writeString(name);
      recorder.append(out);
    }
  }

  @Override
  public void applyTo(CommitApplier.Target target) {
    target.remove(name);
  }
}

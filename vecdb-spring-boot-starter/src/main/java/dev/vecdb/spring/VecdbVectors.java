package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.InvalidNameException;
import dev.vecdb.MismatchException;
import dev.vecdb.vec.StoredVec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vectors declared in {@code vecdb.vectors.*}, opened at startup: the source of the vector beans, and the list
 * that metrics, the endpoint and the shutdown flush walk. Vectors opened in code are not listed.
 *
 * <p>Threads: immutable after construction; safe to share. The vectors themselves follow the single-writer rule of
 * {@link StoredVec}.
 */
public class VecdbVectors {
  private final Database database;
  private final Map<String, Entry> vectors = new LinkedHashMap<>();

  /** A declared vector and its declaration. */
  private record Entry(VectorDeclaration declaration, StoredVec vector) {}

  /**
   * Opens every declared vector.
   *
   * @param database the database the vectors live in
   * @param declarations the validated declarations
   * @throws VecdbConfigurationException naming the declaration if a vector cannot be opened as declared
   */
  public VecdbVectors(Database database, List<VectorDeclaration> declarations) {
    this.database = database;
    for (VectorDeclaration declaration : declarations) {
      vectors.put(declaration.name(), new Entry(declaration, open(declaration)));
    }
  }

  /** The database the vectors live in. */
  public Database database() {
    return database;
  }

  /** Every declared vector, in declaration order. */
  public List<StoredVec> all() {
    List<StoredVec> all = new ArrayList<>(vectors.size());
    vectors.values().forEach(entry -> all.add(entry.vector()));
    return Collections.unmodifiableList(all);
  }

  /** The declared vector {@code name}. */
  public Optional<StoredVec> find(String name) {
    return Optional.ofNullable(vectors.get(name)).map(Entry::vector);
  }

  /** Every declaration, in declaration order. */
  public List<VectorDeclaration> declarations() {
    return vectors.values().stream().map(Entry::declaration).toList();
  }

  /** The declaration of vector {@code name}. */
  public Optional<VectorDeclaration> declaration(String name) {
    return Optional.ofNullable(vectors.get(name)).map(Entry::declaration);
  }

  /**
   * The declared vector {@code name} as {@code type}.
   *
   * @throws IllegalArgumentException if no such vector is declared
   * @throws ClassCastException if it is not a {@code type}
   */
  public <V extends StoredVec> V get(String name, Class<V> type) {
    return type.cast(find(name).orElseThrow(() -> new IllegalArgumentException(
        "no vector '" + name + "' is declared in vecdb.vectors")));
  }

  private StoredVec open(VectorDeclaration declaration) {
    String property = declaration.property();
    try {
      return declaration.type().open(database, declaration.name(), declaration.options());
    } catch (UnsupportedOperationException e) {
      throw new VecdbConfigurationException(property + ".type", e.getMessage(),
          "Declare a numeric type (i8 ... f64) for '" + declaration.name() + "' until vecdb-core supports "
              + declaration.type().label() + ".", e);
    } catch (MismatchException e) {
      throw new VecdbConfigurationException(property, e.getMessage(),
          "Declare the vector as it is stored, or set " + property + ".reset-on-mismatch=true to wipe it.", e);
    } catch (InvalidNameException e) {
      throw new VecdbConfigurationException(property, e.getMessage(),
          "Rename the vector: no '/', '\\', '@' or control characters.", e);
    } catch (IllegalArgumentException e) {
      throw new VecdbConfigurationException(property + ".format", e.getMessage(),
          "Set " + property + ".format (or vecdb.default-format) to a format this vecdb-core version supports.", e);
    }
  }
}

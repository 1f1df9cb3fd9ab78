/**
 * vecdb-core: the engine. Exports the API packages only; the page codecs ({@code dev.vecdb.compress}) and the
 * engine's internal access paths ({@code dev.vecdb.internal}) stay inside the module. On the class path (Spring Boot
 * applications, the tests, the benchmarks) the same packages are used without this boundary.
 *
 * <p>Native access: hole punching ({@code Database.compact()}) calls {@code fallocate} through the FFM API; grant it
 * with {@code --enable-native-access=dev.vecdb.core} on the module path ({@code ALL-UNNAMED} on the class path).
 */
// lz4-java ships no module descriptor, only an Automatic-Module-Name: requiring it is the only way to use it.
@SuppressWarnings("requires-automatic")
module dev.vecdb.core {
  requires org.slf4j;
  requires org.lz4.java;
  requires static com.github.luben.zstd_jni;

  exports dev.vecdb;
  exports dev.vecdb.codec;
  exports dev.vecdb.compress.pco;
  exports dev.vecdb.compute;
  exports dev.vecdb.store;
  exports dev.vecdb.vec;
}

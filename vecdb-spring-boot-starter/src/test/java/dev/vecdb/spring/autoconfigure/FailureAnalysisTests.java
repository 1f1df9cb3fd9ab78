package dev.vecdb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every startup failure the starter can cause, as a user sees it: a real {@link SpringApplication} fails to start and
 * prints the APPLICATION FAILED TO START report of the starter's failure analyzers, or of Boot's own for values that
 * do not bind.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalysisTests {
  @TempDir
  Path dir;

  /** A record type for record vectors. */
  record Candle(long open, long close) {}

  /** Starts an application with {@code args} that must fail, and returns the failure report it printed. */
  private String report(CapturedOutput output, Class<?> application, String... args) {
    int from = output.getAll().length();
    SpringApplication app = new SpringApplication(application);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setDefaultProperties(Map.of("vecdb.path", dir.toString()));
    assertThatThrownBy(() -> app.run(args)).isNotNull();
    String printed = output.getAll().substring(from);
    assertThat(printed).contains("APPLICATION FAILED TO START");
    return printed.substring(printed.indexOf("APPLICATION FAILED TO START"));
  }

  private String report(CapturedOutput output, String... args) {
    return report(output, MinimalApplication.class, args);
  }

  @Test
  void unknownType(CapturedOutput output) {
    assertThat(report(output, "--vecdb.vectors.prices.type=int128"))
        .contains("The vecdb configuration is invalid: invalid vecdb.vectors.prices.type: 'int128'")
        .contains("Set vecdb.vectors.prices.type to one of i8").contains("bytes32").contains("record:");
  }

  @Test
  void missingType(CapturedOutput output) {
    assertThat(report(output, "--vecdb.vectors.prices.version=2"))
        .contains("invalid vecdb.vectors.prices.type: no value type is set");
  }

  @Test
  void unknownKeyUnderAVectorIsNotIgnored(CapturedOutput output) {
    assertThat(report(output, "--vecdb.vectors.prices.type=i64", "--vecdb.vectors.prices.formt=pco"))
        .contains("vecdb.vectors.prices.formt").contains("were left unbound");
  }

  @Test
  void unknownFormatIsReportedByBootsBindingAnalysis(CapturedOutput output) {
    assertThat(report(output, "--vecdb.vectors.prices.type=i64", "--vecdb.vectors.prices.format=snappy"))
        .contains("Failed to bind properties under 'vecdb.vectors.prices.format'")
        .contains("snappy").contains("ZERO_COPY");
  }

  @Test
  void unknownDefaultFormat(CapturedOutput output) {
    assertThat(report(output, "--vecdb.default-format=snappy"))
        .contains("Failed to bind properties under 'vecdb.default-format'");
  }

  @Test
  void flushIntervalThatIsNoDuration(CapturedOutput output) {
    assertThat(report(output, "--vecdb.flush-interval=soon"))
        .contains("Failed to bind properties under 'vecdb.flush-interval'").contains("soon");
  }

  @Test
  void pcoOnARecordType(CapturedOutput output) {
    assertThat(report(output, "--vecdb.vectors.candles.type=record:" + Candle.class.getName(),
        "--vecdb.vectors.candles.format=pco"))
        .contains("invalid vecdb.vectors.candles.format").contains("numeric values only")
        .contains("Set vecdb.vectors.candles.format to zstd");
  }

  @Test
  void pcoAsTheDefaultFormatOfAByteArrayVector(CapturedOutput output) {
    assertThat(report(output, "--vecdb.default-format=pco", "--vecdb.vectors.hashes.type=bytes32"))
        .contains("invalid vecdb.default-format").contains("bytes32");
  }

  @Test
  void recordTypeThatIsNotARecord(CapturedOutput output) {
    assertThat(report(output, "--vecdb.vectors.candles.type=record:java.lang.String"))
        .contains("not a record class");
  }

  @Test
  void negativeFlushIntervalAndCounts(CapturedOutput output) {
    assertThat(report(output, "--vecdb.flush-interval=-5s")).contains("invalid vecdb.flush-interval")
        .contains("Set vecdb.flush-interval to a positive duration");
    assertThat(report(output, "--vecdb.vectors.prices.type=i64", "--vecdb.vectors.prices.saved-stamped-changes=-1"))
        .contains("invalid vecdb.vectors.prices.saved-stamped-changes");
  }

  @Test
  void zstdWithoutItsCodecLibraryFailsBeforeTheDatabaseOpens(CapturedOutput output) {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(new FilteredClassLoader("com.github.luben"));
    try {
      assertThat(report(output, "--vecdb.vectors.hashes.type=bytes32", "--vecdb.vectors.hashes.format=zstd"))
          .contains("invalid vecdb.vectors.hashes.format")
          .contains("com.github.luben:zstd-jni is not on the class path")
          .contains("Add the dependency com.github.luben:zstd-jni");
    } finally {
      thread.setContextClassLoader(original);
    }
    assertThat(dir.resolve("data")).as("the database was never opened").doesNotExist();
  }

  @Test
  void pathThatIsAFileOrCannotBeCreated(CapturedOutput output) throws Exception {
    Path file = Files.createFile(dir.resolve("not-a-directory"));
    assertThat(report(output, "--vecdb.path=" + file)).contains("invalid vecdb.path").contains("is not a directory")
        .contains("Set vecdb.path to a directory");
    assertThat(report(output, "--vecdb.path=" + file.resolve("below-a-file"))).contains("invalid vecdb.path")
        .contains("cannot create");
  }

  @Test
  void vectorStoredWithAnotherVersion(CapturedOutput output) {
    try (Database database = Database.open(dir)) {
      LongVec prices = database.longVec("prices", NumberType.I64, VecOptions.DEFAULT);
      prices.push(1);
      prices.write();
      database.flush();
    }
    assertThat(report(output, "--vecdb.vectors.prices.type=i64", "--vecdb.vectors.prices.version=2"))
        .contains("invalid vecdb.vectors.prices").contains("version")
        .contains("vecdb.vectors.prices.reset-on-mismatch=true");
  }

  @Test
  void aDatabaseThatIsAlreadyOpen(CapturedOutput output) {
    Database other = Database.open(dir);
    try {
      assertThat(report(output)).contains("another open database holds its directory")
          .contains(dir.toString()).contains("set vecdb.path to another directory")
          .contains("vecdb.temporary-directory=true");
    } finally {
      other.close();
    }
  }

  @Test
  void aDirectoryWhereTheJournalFileBelongs(CapturedOutput output) throws Exception {
    Files.createDirectory(dir.resolve("journal"));
    assertThat(report(output)).contains("The vecdb database could not use its files")
        .contains(dir.toString()).contains("Check that vecdb.path names a directory");
  }

  @Test
  void damagedData(CapturedOutput output) throws Exception {
    try (Database database = Database.open(dir)) {
      LongVec prices = database.longVec("prices", NumberType.I64, VecOptions.DEFAULT);
      prices.push(1);
      prices.write();
      database.flush();
    }
    try (FileChannel table = FileChannel.open(dir.resolve("regions"), StandardOpenOption.WRITE,
        StandardOpenOption.READ)) {
      long size = table.size();
      for (long at = 0; at < size; at += 8) {
        table.write(ByteBuffer.wrap(new byte[] {(byte) 0xA5}), at + 3);
      }
    }
    assertThat(report(output, "--vecdb.vectors.prices.type=i64")).contains("The vecdb database holds damaged data")
        .contains("Restore the database directory (vecdb.path) from a backup");
  }

  @Test
  void aVectorNamedLikeAnotherBean(CapturedOutput output) {
    assertThat(report(output, ClashingApplication.class, "--vecdb.vectors.clock.type=i64"))
        .contains("The vector declared in vecdb.vectors.clock becomes a bean named 'clock'")
        .contains("Rename the vector");
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(VecdbAutoConfiguration.class)
  static class MinimalApplication {}

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(VecdbAutoConfiguration.class)
  static class ClashingApplication {
    @Bean
    java.time.Clock clock() {
      return java.time.Clock.systemUTC();
    }
  }
}

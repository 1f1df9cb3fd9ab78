package dev.vecdb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Format;
import dev.vecdb.vec.LongVec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

class VecdbFailureAnalyzerTests {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(VecdbAutoConfiguration.class));

  @TempDir
  Path dir;

  /** A record type for record vectors. */
  record Candle(long open, long close) {}

  private FailureAnalysis analysisOf(String... properties) {
    FailureAnalysis[] analysis = new FailureAnalysis[1];
    runner.withPropertyValues("vecdb.path=" + dir).withPropertyValues(properties).run(context -> {
      assertThat(context).hasFailed();
      analysis[0] = new VecdbFailureAnalyzer().analyze(context.getStartupFailure());
    });
    assertThat(analysis[0]).as("analysis").isNotNull();
    return analysis[0];
  }

  @Test
  void unknownType() {
    FailureAnalysis analysis = analysisOf("vecdb.vectors.prices.type=int128");
    assertThat(analysis.getDescription()).contains("vecdb.vectors.prices.type").contains("'int128'");
    assertThat(analysis.getAction()).contains("i64").contains("bytes32").contains("record:");
  }

  @Test
  void missingType() {
    FailureAnalysis analysis = analysisOf("vecdb.vectors.prices.version=2");
    assertThat(analysis.getDescription()).contains("vecdb.vectors.prices.type").contains("no value type");
  }

  @Test
  void unknownFormat() {
    FailureAnalysis analysis = analysisOf("vecdb.vectors.prices.type=i64", "vecdb.vectors.prices.format=snappy");
    assertThat(analysis.getDescription()).contains("vecdb.vectors.prices.format").contains("snappy");
    assertThat(analysis.getAction()).contains("bytes zero-copy pco lz4 zstd");
  }

  @Test
  void unknownDefaultFormat() {
    FailureAnalysis analysis = analysisOf("vecdb.default-format=snappy");
    assertThat(analysis.getDescription()).contains("vecdb.default-format");
  }

  @Test
  void pcoOnARecordType() {
    FailureAnalysis analysis = analysisOf("vecdb.vectors.candles.type=record:" + Candle.class.getName(),
        "vecdb.vectors.candles.format=pco");
    assertThat(analysis.getDescription()).contains("vecdb.vectors.candles.format")
        .contains("numeric values only");
    assertThat(analysis.getAction()).contains("zstd");
  }

  @Test
  void pcoAsTheDefaultFormatOfAByteArrayVector() {
    FailureAnalysis analysis = analysisOf("vecdb.default-format=pco", "vecdb.vectors.hashes.type=bytes32");
    assertThat(analysis.getDescription()).contains("vecdb.default-format").contains("bytes32");
  }

  @Test
  void recordTypeThatIsNotARecord() {
    FailureAnalysis analysis = analysisOf("vecdb.vectors.candles.type=record:java.lang.String");
    assertThat(analysis.getDescription()).contains("not a record class");
  }

  @Test
  void pcoOnANumericTypeIsNoFailure() {
    runner.withPropertyValues("vecdb.path=" + dir, "vecdb.vectors.prices.type=i64", "vecdb.vectors.prices.format=pco")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean("prices")).isInstanceOfSatisfying(LongVec.class,
              v -> assertThat(v.format()).isEqualTo(Format.PCO));
        });
  }

  @Test
  void negativeFlushInterval() {
    FailureAnalysis analysis = analysisOf("vecdb.flush-interval=-5s");
    assertThat(analysis.getDescription()).contains("vecdb.flush-interval").contains("negative");
    assertThat(analysis.getAction()).contains("positive duration");
  }

  @Test
  void flushIntervalThatIsNoDuration() {
    FailureAnalysis analysis = analysisOf("vecdb.flush-interval=soon");
    assertThat(analysis.getDescription()).contains("vecdb.flush-interval").contains("'soon'");
    assertThat(analysis.getAction()).contains("valid Duration");
  }

  @Test
  void negativeSavedStampedChanges() {
    FailureAnalysis analysis = analysisOf("vecdb.vectors.prices.type=i64",
        "vecdb.vectors.prices.saved-stamped-changes=-1");
    assertThat(analysis.getDescription()).contains("vecdb.vectors.prices.saved-stamped-changes");
  }

  @Test
  void pathThatIsAFile() throws Exception {
    Path file = Files.createFile(dir.resolve("not-a-directory"));
    FailureAnalysis analysis = analysisOf("vecdb.path=" + file);
    assertThat(analysis.getDescription()).contains("vecdb.path").contains("is not a directory");
    assertThat(analysis.getAction()).contains("Set vecdb.path to a directory");
  }

  @Test
  void pathThatCannotBeCreated() throws Exception {
    Path file = Files.createFile(dir.resolve("file"));
    FailureAnalysis analysis = analysisOf("vecdb.path=" + file.resolve("below-a-file"));
    assertThat(analysis.getDescription()).contains("vecdb.path").contains("cannot create");
  }

  @Test
  void vectorStoredWithAnotherVersion() {
    runner.withPropertyValues("vecdb.path=" + dir, "vecdb.vectors.prices.type=i64").run(context -> {
      LongVec prices = context.getBean("prices", LongVec.class);
      prices.push(1);
      prices.write();
    });
    FailureAnalysis analysis = analysisOf("vecdb.vectors.prices.type=i64", "vecdb.vectors.prices.version=2");
    assertThat(analysis.getDescription()).contains("vecdb.vectors.prices").contains("version");
    assertThat(analysis.getAction()).contains("vecdb.vectors.prices.reset-on-mismatch=true");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void springBootPrintsTheAnalysisAtStartup(CapturedOutput output) {
    SpringApplication application = new SpringApplication(MinimalApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(() -> application.run("--vecdb.path=" + dir, "--vecdb.vectors.prices.type=int128"))
        .isInstanceOf(VecdbConfigurationException.class);
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("The vecdb configuration is invalid: invalid vecdb.vectors.prices.type")
        .contains("Set vecdb.vectors.prices.type to one of i8");
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(VecdbAutoConfiguration.class)
  static class MinimalApplication {}
}

package dev.vecdb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.vecdb.Format;
import dev.vecdb.spring.VecdbStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration metadata IDEs read: every property documented, the health switch and the format values. */
class ConfigurationMetadataTests {
  private final DocumentContext metadata = read();

  private static DocumentContext read() {
    try (InputStream json = ConfigurationMetadataTests.class.getClassLoader()
        .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      return JsonPath.parse(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyVecdbPropertyHasADescription() {
    List<Map<String, Object>> properties =
        metadata.read("$.properties[?(@.name =~ /(vecdb|management\\.health\\.vecdb)\\..*/)]");
    assertThat(properties).extracting(p -> p.get("name")).contains("vecdb.path", "vecdb.temporary-directory",
        "vecdb.vectors", "vecdb.flush-interval", "management.health.vecdb.enabled");
    assertThat(properties).allSatisfy(p -> assertThat((String) p.get("description")).as((String) p.get("name"))
        .isNotBlank());
  }

  @Test
  void theVectorsDescriptionNamesEveryFieldOfADeclaration() {
    List<String> description = metadata.read("$.properties[?(@.name == 'vecdb.vectors')].description");
    assertThat(description).singleElement().asString().contains("type", "format", "version",
        "saved-stamped-changes", "reset-on-mismatch", "bytesN", "record:");
  }

  @Test
  void theHealthSwitchIsAKnownBoolean() {
    List<String> types = metadata.read("$.properties[?(@.name == 'management.health.vecdb.enabled')].type");
    assertThat(types).containsExactly("java.lang.Boolean");
  }

  @Test
  void theDefaultFormatIsHintedWithEveryFormatAsConfigured() {
    List<String> values = metadata.read("$.hints[?(@.name == 'vecdb.default-format')].values[*].value");
    assertThat(values).containsExactlyElementsOf(Arrays.stream(Format.values()).map(VecdbStats::formatLabel).toList());
  }
}

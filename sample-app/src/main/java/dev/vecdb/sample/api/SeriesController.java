package dev.vecdb.sample.api;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/series}: every series with its kind, sizes and format;
 * {@code GET /api/series/{name}?from=&to=&format=}: a range of one series as JSON (default) or CSV, exported by vecdb
 * ({@code toJson}, {@code appendCsv}). Reads go through vecdb readers: lock-free, on request threads; the range is
 * resolved against the length the read sees.
 */
@RestController
@RequestMapping("/api/series")
class SeriesController {
  private static final MediaType CSV = new MediaType("text", "csv");

  private final SeriesCatalog catalog;
  private final ApiProperties limits;

  SeriesController(SeriesCatalog catalog, ApiProperties limits) {
    this.catalog = catalog;
    this.limits = limits;
  }

  @GetMapping
  List<SeriesInfo> list() {
    return catalog.all().stream().map(Series::info).toList();
  }

  @GetMapping("/{name}")
  ResponseEntity<?> range(@PathVariable String name, @RequestParam(required = false) Long from,
      @RequestParam(required = false) Long to, @RequestParam(defaultValue = "json") String format) {
    boolean csv = switch (format) {
      case "json" -> false;
      case "csv" -> true;
      default -> throw ApiProblem.unknownFormat(format);
    };
    return catalog.get(name).read(values -> {
      long length = values.len();
      SeriesRange range = SeriesRange.resolve(name, length, from, to, limits);
      if (csv) {
        String body = values.appendCsv(new StringBuilder(name).append('\n'), range.from(), range.to()).toString();
        return ResponseEntity.ok().contentType(CSV).body(body);
      }
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
          .body(new SeriesValues(name, range.from(), range.to(), length, values.toJson(range.from(), range.to())));
    });
  }
}

package dev.vecdb.sample.api;

import dev.vecdb.vec.StoredVec;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/series}: every series with its sizes and format; {@code GET /api/series/{name}?from=&to=&format=}:
 * a range of one series as JSON (default) or CSV. Reads go through vecdb readers: lock-free, on request threads.
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
    return catalog.all().stream().map(SeriesInfo::of).toList();
  }

  @GetMapping("/{name}")
  ResponseEntity<?> range(@PathVariable String name, @RequestParam(required = false) Long from,
      @RequestParam(required = false) Long to, @RequestParam(defaultValue = "json") String format) {
    StoredVec vector = catalog.get(name);
    long length = SeriesExport.writtenLength(vector);
    SeriesRange range = SeriesRange.resolve(name, length, from, to, limits);
    return switch (format) {
      case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
          .body(new SeriesValues(name, range.from(), range.to(), length, SeriesExport.json(vector, range)));
      case "csv" -> ResponseEntity.ok().contentType(CSV).body(SeriesExport.csv(vector, range));
      default -> throw ApiProblem.unknownFormat(format);
    };
  }
}

package dev.vecdb.sample;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** A client of the running sample over real HTTP: answers with any status are returned, never thrown. */
public final class HttpApi {
  private final RestClient client;

  /** A client of {@code http://localhost:port}. */
  public HttpApi(int port) {
    this.client = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .build();
  }

  /** GET {@code path}. */
  public ResponseEntity<String> get(String path) {
    return client.get().uri(path).retrieve().toEntity(String.class);
  }

  /** POST {@code path} without a body. */
  public ResponseEntity<String> post(String path) {
    return client.post().uri(path).retrieve().toEntity(String.class);
  }

  /** GET {@code path}, which must answer 200, and read {@code jsonPath} from its body. */
  public <T> T read(String path, String jsonPath) {
    ResponseEntity<String> response = get(path);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("GET " + path + " answered " + response.getStatusCode() + ": " + response.getBody());
    }
    return JsonPath.read(response.getBody(), jsonPath);
  }
}

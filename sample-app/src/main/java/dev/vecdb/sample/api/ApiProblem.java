package dev.vecdb.sample.api;

import dev.vecdb.sample.chain.ReorgRejectedException;
import java.net.URI;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused API request, rendered by Spring MVC as an RFC 9457 problem detail ({@code application/problem+json})
 * with a status, a title, a detail naming the series or height and the cause, and extra properties.
 */
final class ApiProblem extends ErrorResponseException {
  private ApiProblem(HttpStatus status, String type, String title, String detail, Throwable cause) {
    super(status, problem(status, type, title, detail), cause);
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:vecdb-sample:" + type));
    problem.setTitle(title);
    return problem;
  }

  /** 404: no series {@code name}. */
  static ApiProblem unknownSeries(String name, Collection<String> known) {
    ApiProblem problem = new ApiProblem(HttpStatus.NOT_FOUND, "unknown-series", "Unknown series",
        "no series '" + name + "'; known series: " + String.join(", ", known), null);
    problem.getBody().setProperty("series", name);
    problem.getBody().setProperty("knownSeries", known);
    return problem;
  }

  /** 400: a range that is out of bounds, inverted or too large for series {@code name}. */
  static ApiProblem badRange(String name, long length, int maxValues, String detail) {
    ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "bad-range", "Bad range",
        "series '" + name + "': " + detail, null);
    problem.getBody().setProperty("series", name);
    problem.getBody().setProperty("length", length);
    problem.getBody().setProperty("maxValues", maxValues);
    return problem;
  }

  /** 400: an export format other than json or csv. */
  static ApiProblem unknownFormat(String format) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-format", "Unknown format",
        "format '" + format + "' is not supported: use json or csv", null);
  }

  /** 404: no block at {@code height}. */
  static ApiProblem unknownBlock(long height, long length) {
    ApiProblem problem = new ApiProblem(HttpStatus.NOT_FOUND, "unknown-block", "Unknown block",
        "no block at height " + height + ": the chain holds heights 0 to " + (length - 1), null);
    problem.getBody().setProperty("height", height);
    return problem;
  }

  /** 409: {@code what} changes the chain, and this instance is a read-only replica of the leader's. */
  static ApiProblem readOnlyReplica(String what) {
    return new ApiProblem(HttpStatus.CONFLICT, "read-only-replica", "Read-only replica",
        what + " changes the chain, and this instance is a read-only replica: send it to the leader", null);
  }

  /** 400 for a height outside the chain, 409 for a reorg deeper than the retained change sets. */
  static ApiProblem reorgRejected(ReorgRejectedException rejected) {
    return switch (rejected.reason()) {
      case OUT_OF_RANGE -> new ApiProblem(HttpStatus.BAD_REQUEST, "reorg-out-of-range", "Reorg out of range",
          rejected.getMessage(), rejected);
      case BELOW_RETAINED_STAMPS -> new ApiProblem(HttpStatus.CONFLICT, "reorg-below-retained-stamps",
          "Reorg below the retained stamps", rejected.getMessage(), rejected);
    };
  }
}

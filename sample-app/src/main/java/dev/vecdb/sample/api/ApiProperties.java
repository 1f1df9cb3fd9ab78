package dev.vecdb.sample.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the REST API ({@code sample.api.*}). Immutable.
 *
 * @param maxValues Most values one series request returns; a larger range is refused
 * @param defaultValues Values a series request without a from bound returns: the last ones
 */
@ConfigurationProperties("sample.api")
public record ApiProperties(int maxValues, int defaultValues) {
  /** Validates. */
  public ApiProperties {
    if (maxValues < 1 || defaultValues < 1 || defaultValues > maxValues) {
      throw new IllegalArgumentException("sample.api.max-values (" + maxValues + ") and sample.api.default-values ("
          + defaultValues + ") must be positive, default-values at most max-values");
    }
  }
}

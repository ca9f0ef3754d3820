package dev.sportello.adapter.rest;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the adapter: strict on input, plain on output. */
final class Json {
  private Json() {}

  /**
   * Unknown fields, duplicate keys, trailing content and nulls for numbers are refused, so that a
   * typo never silently drops a value. Times are written by the views as ISO-8601 strings.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
}

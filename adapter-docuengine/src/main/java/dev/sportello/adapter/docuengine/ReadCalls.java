package dev.sportello.adapter.docuengine;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The calls that read and change nothing upstream. This client retries. */
@Headers("Accept: application/json")
interface ReadCalls {

  /** Each document as a tree, so that one malformed document does not spoil the others. */
  @RequestLine("GET /documents")
  Wire.Envelope<List<JsonNode>> documents();

  @RequestLine("GET /requests")
  Wire.Envelope<List<Wire.Request>> requests();

  @RequestLine("GET /requests/{id}")
  Wire.Envelope<Wire.Request> request(@Param("id") String id);

  @RequestLine("GET /requests/{id}/documents")
  Wire.Envelope<List<Wire.Download>> files(@Param("id") String id);
}

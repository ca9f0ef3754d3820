package dev.sportello.adapter.visengine;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import tools.jackson.databind.JsonNode;

/**
 * The calls that create, charge or cancel something. This client never repeats a call: when an
 * answer is lost, the caller learns that the outcome is unknown.
 */
@Headers({"Accept: application/json", "Content-Type: application/json"})
interface ChangeCalls {

  @RequestLine("POST /richiesta")
  Wire.Envelope<Wire.Request> create(Wire.NewRequest body);

  @RequestLine("POST /richiesta/{id}")
  Wire.Envelope<Wire.Request> search(@Param("id") String id, Wire.NewSearch body);

  @RequestLine("PUT /richiesta/{id}/ricerche")
  Wire.Envelope<Wire.Request> choose(@Param("id") String id, Wire.Choice body);

  @RequestLine("DELETE /richiesta/{id}")
  Wire.Envelope<JsonNode> cancel(@Param("id") String id, Wire.Cancellation body);
}

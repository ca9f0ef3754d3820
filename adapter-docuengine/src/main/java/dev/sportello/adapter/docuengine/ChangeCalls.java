package dev.sportello.adapter.docuengine;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The calls that create or charge something. This client never repeats a call: when an answer is
 * lost, the caller learns that the outcome is unknown.
 */
@Headers({"Accept: application/json", "Content-Type: application/json"})
interface ChangeCalls {

  @RequestLine("POST /requests")
  Wire.Envelope<Wire.Request> create(Wire.NewRequest body);

  @RequestLine("PATCH /requests/{id}")
  Wire.Envelope<Wire.Request> close(@Param("id") String id, Wire.Close body);

  @RequestLine("PATCH /requests/{id}")
  Wire.Envelope<Wire.Request> choose(@Param("id") String id, Wire.Choose body);
}

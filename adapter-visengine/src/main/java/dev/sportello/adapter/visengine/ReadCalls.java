package dev.sportello.adapter.visengine;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.util.List;

/**
 * The calls that are safe to repeat: reads, and the close of a draft (a repeated close answers
 * "already closed" and charges nothing more). This client retries.
 */
@Headers("Accept: application/json")
interface ReadCalls {

  @RequestLine("GET /visure")
  Wire.Envelope<List<Wire.CatalogueLine>> catalogue();

  @RequestLine("GET /visure/{hash}")
  Wire.Envelope<Wire.Visura> visura(@Param("hash") String hash);

  @RequestLine("GET /richiesta")
  Wire.Envelope<List<Wire.Request>> requests();

  @RequestLine("GET /richiesta/{id}")
  Wire.Envelope<Wire.Request> request(@Param("id") String id);

  /** Read as a stream: the body can be larger than the heap. */
  @RequestLine("GET /documento/{id}")
  Response document(@Param("id") String id);

  @RequestLine("PUT /richiesta/{id}")
  @Headers("Content-Type: application/json")
  Wire.Envelope<Wire.Request> close(@Param("id") String id, Wire.Close body);
}

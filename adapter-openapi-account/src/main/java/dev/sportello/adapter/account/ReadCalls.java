package dev.sportello.adapter.account;

import feign.Headers;
import feign.RequestLine;
import java.util.List;

/** The OAuth service's reads. This client retries. */
@Headers("Accept: application/json")
interface ReadCalls {

  @RequestLine("GET /wallet")
  Wire.Envelope<Wire.Wallet> wallet();

  @RequestLine("GET /tokens?limit=100")
  Wire.Envelope<List<Wire.Token>> tokens();
}

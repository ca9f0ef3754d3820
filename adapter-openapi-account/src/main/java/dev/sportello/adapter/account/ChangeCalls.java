package dev.sportello.adapter.account;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;

/**
 * The calls that mint or delete a token. This client never repeats a call: a lost answer to a mint
 * may have minted a token, and another mint would make two.
 */
@Headers("Accept: application/json")
interface ChangeCalls {

  @RequestLine("POST /tokens")
  @Headers("Content-Type: application/json")
  Wire.MintAnswer mint(Wire.NewToken body);

  /** Read as a bare answer: a deletion's envelope may hold no data, which is no failure here. */
  @RequestLine("DELETE /tokens/{token}")
  Response delete(@Param("token") String token);
}

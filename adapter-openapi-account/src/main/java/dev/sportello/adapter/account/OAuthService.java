package dev.sportello.adapter.account;

import dev.sportello.application.port.out.RemoteFailure;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;

/** What the account asks of Openapi's OAuth service. */
interface OAuthService {

  /** Mints a token ({@code POST /tokens}); never repeated. */
  Either<RemoteFailure, IssuedToken> mint(List<String> scopes, String name, Duration ttl);

  /** Deletes a token ({@code DELETE /tokens/{token}}); empty when it is gone. */
  Option<RemoteFailure> delete(String token);

  /** The account's tokens ({@code GET /tokens}), the first hundred. */
  Either<RemoteFailure, List<IssuedToken>> tokens();

  /** The wallet's credit in euros ({@code GET /wallet}). */
  Either<RemoteFailure, BigDecimal> credit();
}

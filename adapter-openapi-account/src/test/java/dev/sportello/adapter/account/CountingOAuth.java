package dev.sportello.adapter.account;

import dev.sportello.application.port.out.RemoteFailure;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OAuth service, with its calls counted, and deletions made to fail or a mint's answer lost
 * when a test asks.
 */
final class CountingOAuth implements OAuthService {
  final AtomicInteger mints = new AtomicInteger();
  final AtomicInteger credits = new AtomicInteger();
  final AtomicBoolean deletionsFail = new AtomicBoolean();
  final AtomicBoolean nextMintAnswerLost = new AtomicBoolean();

  /** How long a minted token is said to live, when a test says. */
  final AtomicReference<Option<Duration>> grantedLife = new AtomicReference<>(Option.none());

  private final OAuthService service;

  CountingOAuth(OAuthService service) {
    this.service = service;
  }

  @Override
  public Either<RemoteFailure, IssuedToken> mint(List<String> scopes, String name, Duration ttl) {
    mints.incrementAndGet();
    Option<Duration> life = Objects.requireNonNull(grantedLife.get());
    Either<RemoteFailure, IssuedToken> minted =
        service
            .mint(scopes, name, ttl)
            .map(issued ->
                life.isEmpty()
                    ? issued
                    : new IssuedToken(
                        issued.secret(),
                        issued.label(),
                        issued.scopes(),
                        issued.createdAt(),
                        issued.createdAt().map(created -> created.plus(life.get()))));
    return nextMintAnswerLost.getAndSet(false)
        ? Either.left(new RemoteFailure.OutcomeUnknown("no answer within the read timeout"))
        : minted;
  }

  /** A failing deletion quotes the token, as a careless upstream message could. */
  @Override
  public Option<RemoteFailure> delete(String token) {
    return deletionsFail.get()
        ? Option.some(new RemoteFailure.Unavailable("could not delete " + token))
        : service.delete(token);
  }

  @Override
  public Either<RemoteFailure, List<IssuedToken>> tokens() {
    return service.tokens();
  }

  @Override
  public Either<RemoteFailure, BigDecimal> credit() {
    credits.incrementAndGet();
    return service.credit();
  }
}

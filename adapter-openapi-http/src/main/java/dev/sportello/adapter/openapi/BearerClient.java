package dev.sportello.adapter.openapi;

import feign.Client;
import feign.Request;
import feign.Response;
import io.vavr.control.Either;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request with the token its {@link BearerToken} gives now. When upstream answers 401,
 * the source is told the token was refused and, when it has another, the request is sent once more
 * with that one. This holds for every call, the charging ones included: a refused token means
 * upstream did not process the call, so the repeat cannot charge twice. A second 401 is the answer.
 * A 403 (the token lacks a scope) is never repeated: another token would not change it.
 */
final class BearerClient implements Client {
  private static final int UNAUTHORIZED = 401;
  private static final Logger LOG = LoggerFactory.getLogger(BearerClient.class);

  private final Client delegate;
  private final BearerToken token;

  BearerClient(Client delegate, BearerToken token) {
    this.delegate = delegate;
    this.token = token;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    String sent = tokenNow();
    Response response =
        delegate.execute(OpenapiClients.authorized(request, "Bearer " + sent), options);
    if (response.status() != UNAUTHORIZED || !replaced(sent)) {
      return response;
    }
    response.close();
    return delegate.execute(OpenapiClients.authorized(request, "Bearer " + tokenNow()), options);
  }

  /**
   * Whether the source has another token. A source that fails here leaves the 401 as the answer,
   * which tells the truth: the call was not processed.
   */
  private boolean replaced(String sent) {
    try {
      return token.refused(sent);
    } catch (RuntimeException failed) {
      LOG.warn("The token source failed when told of a refusal: {}", failed.getClass().getName());
      return false;
    }
  }

  private String tokenNow() {
    Either<String, String> now = token.current();
    if (now.isLeft()) {
      throw new MissingToken(now.getLeft());
    }
    return now.get();
  }
}

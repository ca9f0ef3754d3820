package dev.sportello.application.testing;

import dev.sportello.application.port.out.RequestIds;
import dev.sportello.domain.request.RequestId;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids ({@code req-000001}, …), so that tests can name requests and order them. */
public final class SequentialRequestIds implements RequestIds {
  private final AtomicLong counter = new AtomicLong();

  @Override
  public RequestId next() {
    return new RequestId(String.format("req-%06d", counter.incrementAndGet()));
  }
}

package dev.sportello.application.testing;

import dev.sportello.application.port.out.RequestRepository;

class InMemoryRequestRepositoryTest extends RequestRepositoryContract {
  @Override
  protected RequestRepository newRepository() {
    return new InMemoryRequestRepository();
  }
}

package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;

/** Hands out new request ids; ids must be unique and hard to guess. */
public interface RequestIds {

  RequestId next();
}

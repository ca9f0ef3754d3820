package dev.sportello.adapter.persistence;

import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.submission.Quote;
import dev.sportello.domain.submission.Submission;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Instant;

/** Requests to store. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
  static final CertificateId CERTIFICATE = new CertificateId("a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7");

  /** The engine of these requests, and of every one stored before requests named theirs. */
  static final Engine VISENGINE = new Engine("visengine");

  private Fixtures() {}

  static Submission submission() {
    Money document = Money.ofCents(1500);
    Money extras = Money.ofCents(500);
    Money net = document.plus(extras);
    Money vat = net.percent(Quote.VAT_PERCENT);
    return new Submission(
        CERTIFICATE,
        VISENGINE,
        TreeMap.of(
            new FieldKey("$0"), "RSSMRA80A01H501U",
            new FieldKey("$1"), "Mario",
            new FieldKey("$2"), "Rossi"),
        List.of(new Extra("opzione_0", "urgenza", extras)),
        new Quote(document, Money.ZERO, extras, net, vat, net.plus(vat)));
  }

  static CertificateRequest accepted(String id, String caller, Instant at) {
    return CertificateRequest.accept(
        new RequestId(id),
        caller,
        "Certificato di stato di famiglia",
        submission(),
        Option.some("pratica-42"),
        Option.some("mario.rossi@example.it"),
        at);
  }

  static CertificateRequest accepted(String id) {
    return accepted(id, "caller-a", T0);
  }

  static UpstreamId upstream(long n) {
    return new UpstreamId(String.format("%024x", n));
  }

  /** Drafted, closed and moved to the given status upstream. */
  static CertificateRequest closedAs(
      CertificateRequest request,
      long upstream,
      dev.sportello.domain.request.RequestStatus status,
      Instant at) {
    return request
        .recordDraft(upstream(upstream), at)
        .flatMap(r -> r.recordCloseAttempt(at))
        .flatMap(r -> r.recordClosed(at))
        .flatMap(r -> r.moveTo(status, at, "upstream said so"))
        .get();
  }
}

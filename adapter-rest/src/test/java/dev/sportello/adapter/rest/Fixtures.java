package dev.sportello.adapter.rest;

import dev.sportello.application.port.in.CertificateDescription;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.submission.Quote;
import dev.sportello.domain.submission.Submission;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.time.Instant;

/** Domain values for the route tests. */
final class Fixtures {
  static final String CERTIFICATE_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  static final Engine VISENGINE = new Engine("visengine");
  static final String DOCUENGINE_CERTIFICATE_ID = "663df75d19a52195e23e315c";
  static final String TAX_CODE = "RSSMRA80A01H501U";
  static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

  private Fixtures() {}

  /** Visengine's family-status certificate. */
  static Certificate certificate() {
    return certificate(CERTIFICATE_ID, VISENGINE);
  }

  /** The same form, as another engine publishes it. */
  static Certificate certificate(String id, Engine engine) {
    FieldSchema schema =
        FieldSchema.read(
            List.of(
                new FieldDeclaration(
                    "$0",
                    "Codice fiscale",
                    new FieldType.PersonalTaxCode(),
                    "codice_fiscale_persona_fisica",
                    false,
                    1,
                    "16 caratteri"),
                new FieldDeclaration("$1", "Cognome", new FieldType.Text(), "testo", false, 2, "")),
            "$0 && $1");
    return new Certificate(
        new CertificateId(id),
        engine,
        "Certificato di stato di famiglia",
        "Anagrafe",
        Money.ofCents(1290),
        Money.ZERO,
        false,
        false,
        List.of(new Extra("opzione_0", "urgenza", Money.ofCents(500))),
        schema,
        "Compila i campi",
        "");
  }

  static CatalogEntry entry() {
    return entry(certificate());
  }

  static CatalogEntry entry(Certificate certificate) {
    return new CatalogEntry(
        certificate.id(), certificate.engine(), certificate.name(), certificate.category());
  }

  static CertificateDescription description() {
    return description(certificate());
  }

  static CertificateDescription description(Certificate certificate) {
    return new CertificateDescription(
        certificate,
        certificate.schema().fields().map(spec -> new CertificateDescription.Field(spec, true)),
        List.of(TreeSet.of(new FieldKey("$0"), new FieldKey("$1"))),
        Quote.of(certificate, List.empty()));
  }

  static Quote quote() {
    return Quote.of(certificate(), List.empty());
  }

  static CertificateRequest request(String id, String caller) {
    return request(id, caller, certificate());
  }

  static CertificateRequest request(String id, String caller, Certificate certificate) {
    Submission submission =
        new Submission(
            certificate.id(),
            certificate.engine(),
            TreeMap.of(new FieldKey("$0"), TAX_CODE, new FieldKey("$1"), "ROSSI"),
            certificate.extras(),
            Quote.of(certificate, certificate.extras()));
    return CertificateRequest.accept(
        new RequestId(id),
        caller,
        certificate.name(),
        submission,
        Option.some("pratica-7"),
        Option.none(),
        T0);
  }

  /** A request with a search round, a selection-ready state, an outcome and a document. */
  static CertificateRequest busyRequest(String id, String caller) {
    CertificateRequest request =
        request(id, caller)
            .recordDraft(new UpstreamId("5f22f722065afc42223c7131"), T0)
            .flatMap(drafted -> drafted.recordClosed(T0))
            .get();
    request = request.moveTo(RequestStatus.SEARCHING, T0.plusSeconds(60), "").get();
    request =
        request
            .withSearches(
                List.of(
                    new SearchRound(
                        "5f22f722065afc42223c7131_1",
                        SearchRound.State.COMPLETED,
                        List.of(
                            new SearchCandidate(0, TreeMap.of("Indirizzo.Comune", "Roma")),
                            new SearchCandidate(1, TreeMap.of("Indirizzo.Comune", "Milano"))))),
                T0.plusSeconds(120))
            .get();
    request = request.moveTo(RequestStatus.AWAITING_SELECTION, T0.plusSeconds(120), "").get();
    request = request.select("5f22f722065afc42223c7131_1", 1, T0.plusSeconds(180)).get();
    request = request.moveTo(RequestStatus.FULFILLED, T0.plusSeconds(240), "evasa").get();
    request = request.withOutcome(new Outcome("0", "ok"), T0.plusSeconds(240));
    return request
        .attachDocument(
            new DocumentRef("5f22f722065afc42223c7131.zip", 1234, "0".repeat(64)),
            T0.plusSeconds(300))
        .get();
  }
}

package dev.sportello.adapter.console;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.shared.Money;
import io.vavr.collection.List;

/** The certificates the console's tests order. */
final class Certificates {
  static final String MARIO_ROSSI = "RSSMRA85T10A562S";

  private Certificates() {}

  /**
   * A residence certificate as an engine publishes it: a person's name and birth date, then either
   * the codice fiscale or a copy of the mandate, and urgent handling and delivery by PEC (a code of
   * no known words) as extras. 10.00 + 22% VAT.
   */
  static Certificate residence() {
    return new Certificate(
        new CertificateId("69663cda34a03ef7efc253262baea547"),
        dev.sportello.application.testing.TestData.ENGINE,
        "Certificato di residenza anagrafica",
        "Anagrafe",
        Money.ofCents(1000),
        Money.ZERO,
        false,
        false,
        List.of(
            new Extra("opzione_0", "urgenza", Money.ofCents(500)),
            new Extra("opzione_1", "consegna_pec", Money.ofCents(200))),
        FieldSchema.read(
            List.of(
                field("$0", "Cognome", new FieldType.Text(), 0, ""),
                field("$1", "Nome", new FieldType.Text(), 1, ""),
                field("$2", "Data di nascita", new FieldType.Date(), 2, "La data di nascita"),
                field("$3", "Codice Fiscale", new FieldType.PersonalTaxCode(), 3, ""),
                field("$4", "Copia Mandato", new FieldType.File(), 4, "Il mandato firmato")),
            "$0 && $1 && $2 && ($3 || $4)"),
        "Il certificato attesta la residenza.",
        "");
  }

  /** A company search with a search phase, in another category. */
  static Certificate companySearch() {
    return new Certificate(
        new CertificateId("afa0b4cu7yd06226i5d89p00077c3j6t"),
        dev.sportello.application.testing.TestData.ENGINE,
        "Ricerca imprese",
        "Camerali",
        Money.ofCents(500),
        Money.ofCents(200),
        true,
        false,
        List.empty(),
        FieldSchema.read(
            List.of(field("$0", "Denominazione", new FieldType.Denomination(), 0, "")), "$0"),
        "",
        "");
  }

  private static FieldDeclaration field(
      String key, String label, FieldType type, int order, String instructions) {
    return new FieldDeclaration(key, label, type, type.kind(), true, order, instructions);
  }
}

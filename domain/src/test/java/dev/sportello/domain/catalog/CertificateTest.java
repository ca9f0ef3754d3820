package dev.sportello.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.shared.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateTest {

  @Test
  void anExtraIsFoundByItsKey() {
    Certificate a2 = SeedCertificates.a2();

    assertThat(a2.extra("opzione_1"))
        .contains(new Extra("opzione_1", "assistenza_dedicata", Money.ofCents(1000)));
    assertThat(a2.extra("opzione_2")).isEmpty();
  }

  @Test
  void anExtraNeedsAKey() {
    assertThatThrownBy(() -> new Extra(" ", "urgenza", Money.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4c84e22bbabd5f25b0102bb3bfe82790",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
        "663df75d19a52195e23e315c",
        "a",
        "visura_camerale-1"
      })
  void aCertificateIdIsOpaqueAsItsEnginePublishedIt(String id) {
    assertThat(CertificateId.parse(id).get()).hasToString(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "4c84e22bbabd5f25b0102bb3bfe8279/",
        "4c84e22bbabd5f25b0102bb3bfe8279 ",
        "4c84e22bbabd5f25b0102bb3bfe82790.",
        "a234567890123456789012345678901234567890123456789012345678901234x"
      })
  void aCertificateIdOfAnotherShapeIsRefused(String id) {
    assertThat(CertificateId.parse(id).getError())
        .isEqualTo(
            Violation.general(
                "certificateId",
                "malformed_certificate_id",
                "a certificate id is 1 to 64 letters, digits, '-' or '_'"));
    assertThatThrownBy(() -> new CertificateId(id)).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.sportello.domain.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.shared.Money;
import io.vavr.collection.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class QuoteTest {

  private static Certificate withSearchPhase(boolean hasSearchPhase, Money document) {
    return new Certificate(
        new CertificateId("7e4c6a1d2b3f405f8a9b0c1d2e3f4a5b"),
        SeedCertificates.ENGINE,
        "Visura camerale con ricerca",
        "Camerali",
        document,
        Money.ofCents(38),
        hasSearchPhase,
        true,
        List.empty(),
        FieldSchema.read(List.empty(), ""),
        "",
        "");
  }

  @Test
  void aDocumentAloneCostsItsPricePlusVat() {
    Quote quote = Quote.of(SeedCertificates.familyStatus(), List.empty());

    assertThat(quote)
        .isEqualTo(
            new Quote(
                Money.ofCents(4000),
                Money.ZERO,
                Money.ZERO,
                Money.ofCents(4000),
                Money.ofCents(880),
                Money.ofCents(4880)));
  }

  @Test
  void chosenExtrasAreAddedBeforeVat() {
    Certificate a2 = SeedCertificates.a2();

    Quote quote = Quote.of(a2, a2.extras());

    assertThat(quote.extras()).isEqualTo(Money.ofCents(1400));
    assertThat(quote.net()).isEqualTo(Money.ofCents(3400));
    assertThat(quote.vat()).isEqualTo(Money.ofCents(748));
    assertThat(quote.total()).isEqualTo(Money.ofCents(4148));
  }

  @Test
  void aProductWithASearchPhaseAlsoPaysTheFirstSearch() {
    Quote quote = Quote.of(withSearchPhase(true, Money.ofCents(490)), List.empty());

    assertThat(quote.search()).isEqualTo(Money.ofCents(38));
    assertThat(quote.net()).isEqualTo(Money.ofCents(528));
  }

  @Test
  void aProductWithoutASearchPhasePaysNoSearchWhateverItsSearchPrice() {
    Quote quote = Quote.of(withSearchPhase(false, Money.ofCents(490)), List.empty());

    assertThat(quote.search()).isEqualTo(Money.ZERO);
    assertThat(quote.net()).isEqualTo(Money.ofCents(490));
  }

  @Test
  void vatIsRoundedHalfUpToTheCent() {
    // 22% of 0.25 is 0.055: half a cent, rounded up.
    Quote quote =
        Quote.of(
            withSearchPhase(false, Money.ZERO),
            List.of(new Extra("opzione_0", "urgenza", Money.ofCents(25))));

    assertThat(quote.vat()).isEqualTo(Money.ofCents(6));
    assertThat(quote.total()).isEqualTo(Money.ofCents(31));
  }

  @Test
  void aQuoteWhoseNetIsNotTheSumOfItsPartsCannotBeBuilt() {
    Money one = Money.ofCents(100);

    assertThatThrownBy(() -> new Quote(one, one, one, one, Money.ZERO, one))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aQuoteWhoseTotalIsNotNetPlusVatCannotBeBuilt() {
    Money one = Money.ofCents(100);

    assertThatThrownBy(() -> new Quote(one, Money.ZERO, Money.ZERO, one, one, one))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void everyQuoteAddsUpAndCharges22PercentVat(
      @ForAll @LongRange(min = 0, max = 100_000_000) long document,
      @ForAll @LongRange(min = 0, max = 100_000_000) long extra) {
    Quote quote =
        Quote.of(
            withSearchPhase(true, Money.ofCents(document)),
            List.of(new Extra("opzione_0", "urgenza", Money.ofCents(extra))));

    long net = document + 38 + extra;
    assertThat(quote.net().cents()).isEqualTo(net);
    assertThat(quote.vat().cents()).isEqualTo((net * 22 + 50) / 100);
    assertThat(quote.total().cents()).isEqualTo(net + quote.vat().cents());
  }
}

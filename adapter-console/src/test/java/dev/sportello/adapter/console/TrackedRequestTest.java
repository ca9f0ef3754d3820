package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackedRequestTest {
  @Test
  void aCandidateAttributeTheBundlesKnowIsHeadedInThePagesLanguage() {
    assertThat(TrackedRequest.columnName("Indirizzo.Comune", Text.of(Language.EN)))
        .isEqualTo("Municipality");
    assertThat(TrackedRequest.columnName("Indirizzo.Comune", Text.of(Language.IT)))
        .isEqualTo("Comune");
  }

  @Test
  void aCandidateAttributeTheBundlesDoNotKnowIsHeadedByItsPathsWords() {
    assertThat(TrackedRequest.columnName("balanceSheetTypeDescription", Text.of(Language.EN)))
        .isEqualTo("Balance sheet type description");
  }

  @Test
  void aNestedAttributeIsHeadedByEachPartWithoutTheEnginesMarkers() {
    assertThat(TrackedRequest.readable("Sede.!CodiceISTAT07")).isEqualTo("Sede › Codice ISTAT 07");
  }

  @Test
  void anAttributeOfMarkersAloneKeepsItsPath() {
    assertThat(TrackedRequest.readable("!")).isEqualTo("!");
  }
}

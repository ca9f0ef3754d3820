package dev.sportello.domain.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.domain.shared.Violation;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "req-1",
        "01HZX_7",
        "x123456789012345678901234567890123456789012345678901234567890123"
      })
  void aRequestIdIs1To64LettersDigitsDashesOrUnderscores(String id) {
    assertThat(RequestId.parse(id).get()).hasToString(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "req 1",
        "req/1",
        "x1234567890123456789012345678901234567890123456789012345678901234"
      })
  void aRequestIdOfAnotherShapeIsRefused(String id) {
    assertThat(RequestId.parse(id).getError())
        .isEqualTo(
            Violation.general(
                "requestId",
                "malformed_request_id",
                "a request id is 1 to 64 letters, digits, '-' or '_'"));
    assertThatThrownBy(() -> new RequestId(id)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "5f2829ce065afc21cc60ad0e, 5f2829ce065afc21cc60ad0e",
    "5F2829CE065AFC21CC60AD0E, 5f2829ce065afc21cc60ad0e",
    "' 5f2829ce065afc21cc60ad0e ', 5f2829ce065afc21cc60ad0e"
  })
  void anUpstreamIdIsReadInEitherCaseAndKeptInLowerCase(String raw, String id) {
    assertThat(UpstreamId.parse(raw).get()).hasToString(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "5f2829ce065afc21cc60ad0",
        "5fec14002548c9ae115758500c8981ee",
        "5f2829ce065afc21cc60ad0g"
      })
  void anUpstreamIdOfAnotherShapeIsRefused(String raw) {
    assertThat(UpstreamId.parse(raw).getError())
        .isEqualTo("an upstream id is 24 hexadecimal digits");
  }

  @Test
  void anUpstreamIdIsBuiltOnlyInLowerCase() {
    assertThatThrownBy(() -> new UpstreamId("5F2829CE065AFC21CC60AD0E"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeAttemptsAreNeverNegative() {
    UpstreamId id = new UpstreamId("5f2829ce065afc21cc60ad0e");

    assertThatThrownBy(() -> new Dispatch.Drafted(id, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSearchRoundNeedsAnId() {
    assertThatThrownBy(() -> new SearchRound(" ", SearchRound.State.RUNNING, List.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCandidateIsFoundByItsIndex() {
    SearchCandidate first = new SearchCandidate(0, TreeMap.of("NRea", "123456"));
    SearchRound round = new SearchRound("s_1", SearchRound.State.COMPLETED, List.of(first));

    assertThat(round.candidate(0)).contains(first);
    assertThat(round.candidate(1)).isEmpty();
  }

  @Test
  void onlyACompletedRoundWithCandidatesOffersAChoice() {
    List<SearchCandidate> one = List.of(new SearchCandidate(0, TreeMap.empty()));

    assertThat(new SearchRound("s", SearchRound.State.COMPLETED, one).offersChoice()).isTrue();
    assertThat(new SearchRound("s", SearchRound.State.COMPLETED, List.empty()).offersChoice())
        .isFalse();
    assertThat(new SearchRound("s", SearchRound.State.RUNNING, one).offersChoice()).isFalse();
    assertThat(new SearchRound("s", SearchRound.State.FAILED, one).offersChoice()).isFalse();
  }

  @Test
  void aCandidateIndexIsNeverNegative() {
    assertThatThrownBy(() -> new SearchCandidate(-1, TreeMap.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDocumentSizeIsNeverNegative() {
    assertThatThrownBy(() -> new DocumentRef("a.zip", -1, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"0, true", "' 0 ', true", "101, false", "'', false"})
  void anOutcomeSucceedsOnlyWithCode0(String code, boolean success) {
    assertThat(new Outcome(code, "OK").isSuccess()).isEqualTo(success);
  }

  @Test
  void anActionThatNeedsASearchPhaseSaysSo() {
    assertThat(new LifecycleError.NoSearchPhase().message())
        .isEqualTo("this certificate has no search phase");
  }
}

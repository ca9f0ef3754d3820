package dev.sportello.domain.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestStatusTest {

  /**
   * The lifecycle, one row per current status and one column per target: {@code x} is a legal move.
   * Columns follow the declaration order of {@link RequestStatus}.
   */
  private static final String TABLE =
      """
                          ACC SEA AWA PRO DAT FUL REJ CAN
      ACCEPTED             .   x   x   x   x   x   x   x
      SEARCHING            .   .   x   x   x   x   x   x
      AWAITING_SELECTION   .   x   .   x   x   x   x   x
      PROCESSING           .   .   .   .   x   x   x   x
      DATA_AVAILABLE       .   .   .   .   .   x   x   x
      FULFILLED            .   .   .   .   .   .   .   .
      REJECTED             .   .   .   .   .   .   .   .
      CANCELLED            .   .   .   .   .   .   .   .
      """;

  private static final List<RequestStatus> COLUMNS = List.of(RequestStatus.values());
  private static final Pattern CELLS = Pattern.compile("\\s+");

  static Stream<Arguments> everyPairOfStatuses() {
    return TABLE
        .lines()
        .skip(1)
        .map(String::strip)
        .flatMap(row -> {
          List<String> cells = List.of(CELLS.split(row));
          RequestStatus from = RequestStatus.valueOf(cells.get(0));
          return COLUMNS.stream()
              .map(to -> Arguments.of(from, to, cells.get(COLUMNS.indexOf(to) + 1).equals("x")));
        });
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("everyPairOfStatuses")
  void theLifecycleAllowsExactlyTheMovesOfTheTable(
      RequestStatus from, RequestStatus to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
  }

  @Property
  void aForwardJumpSkippingStatesIsAllowed(@ForAll RequestStatus from, @ForAll RequestStatus to) {
    Assume.that(!from.isTerminal() && to.compareTo(from) > 0);

    assertThat(from.canMoveTo(to)).isTrue();
  }

  @Property
  void goingBackIsRefusedExceptForANewSearch(@ForAll RequestStatus from, @ForAll RequestStatus to) {
    Assume.that(to.compareTo(from) < 0);
    Assume.that(!(from == RequestStatus.AWAITING_SELECTION && to == RequestStatus.SEARCHING));

    assertThat(from.canMoveTo(to)).isFalse();
  }

  @Property
  void aTerminalStatusNeverMoves(@ForAll RequestStatus from, @ForAll RequestStatus to) {
    Assume.that(from.isTerminal());

    assertThat(from.canMoveTo(to)).isFalse();
  }

  @Property
  void rejectionAndCancellationEndEveryStatusThatIsNotTerminal(@ForAll RequestStatus from) {
    Assume.that(!from.isTerminal());

    assertThat(from.canMoveTo(RequestStatus.REJECTED)).isTrue();
    assertThat(from.canMoveTo(RequestStatus.CANCELLED)).isTrue();
  }

  @Property
  void stayingPutIsNotAMove(@ForAll RequestStatus status) {
    assertThat(status.canMoveTo(status)).isFalse();
  }

  @Property
  void exactlyFulfilledRejectedAndCancelledAreTerminal(@ForAll RequestStatus status) {
    assertThat(status.isTerminal())
        .isEqualTo(
            status == RequestStatus.FULFILLED
                || status == RequestStatus.REJECTED
                || status == RequestStatus.CANCELLED);
  }

  @Property
  void theTerminalListHoldsExactlyTheTerminalStatuses(@ForAll RequestStatus status) {
    assertThat(RequestStatus.terminal().contains(status))
        .isEqualTo(
            status == RequestStatus.FULFILLED
                || status == RequestStatus.REJECTED
                || status == RequestStatus.CANCELLED);
  }

  @Property
  void exactlyDataAvailableAndFulfilledOfferTheDocument(@ForAll RequestStatus status) {
    assertThat(status.offersDocument())
        .isEqualTo(status == RequestStatus.DATA_AVAILABLE || status == RequestStatus.FULFILLED);
    assertThat(RequestStatus.offeringDocument().contains(status))
        .isEqualTo(status == RequestStatus.DATA_AVAILABLE || status == RequestStatus.FULFILLED);
  }
}

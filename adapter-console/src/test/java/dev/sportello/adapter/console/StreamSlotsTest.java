package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamSlotsTest {
  private final StreamSlots slots = new StreamSlots(2, 3, 5);

  @Test
  void aSessionHoldsAtMostItsShare() {
    slots.reserve("session-1", "alice");
    slots.reserve("session-1", "alice");

    assertThat(slots.reserve("session-1", "alice")).isEmpty();
    assertThat(slots.reserve("session-2", "alice")).isNotEmpty();
  }

  @Test
  void aCallerHoldsAtMostItsShareWhateverItsSessions() {
    slots.reserve("session-1", "alice");
    slots.reserve("session-2", "alice");
    slots.reserve("session-3", "alice");

    assertThat(slots.reserve("session-4", "alice")).isEmpty();
    assertThat(slots.reserve("session-5", "bob")).isNotEmpty();
  }

  @Test
  void allCallersTogetherHoldAtMostTheOverallBound() {
    for (int caller = 0; caller < 5; caller++) {
      slots.reserve("session-" + caller, "caller-" + caller);
    }

    assertThat(slots.reserve("session-5", "caller-5")).isEmpty();
  }

  @Test
  void aReleasedSlotIsFreeAgain() {
    StreamSlots.Slot first = slots.reserve("session-1", "alice").get();
    slots.reserve("session-1", "alice");

    first.release();

    assertThat(slots.reserve("session-1", "alice")).isNotEmpty();
  }

  @Test
  void aSlotReleasedTwiceFreesOnePlaceOnly() {
    StreamSlots.Slot first = slots.reserve("session-1", "alice").get();
    slots.reserve("session-1", "alice");

    first.release();
    first.release();

    assertThat(slots.reserve("session-1", "alice")).isNotEmpty();
    assertThat(slots.reserve("session-1", "alice")).isEmpty();
  }
}

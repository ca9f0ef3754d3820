package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorScheduleTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private final OperatorSchedule<String, String> schedule = new OperatorSchedule<>();

  private List<String> takeAllDue(Instant now) {
    List<String> taken = new ArrayList<>();
    for (Optional<OperatorSchedule.Step<String, String>> step = schedule.takeDue(now);
        step.isPresent();
        step = schedule.takeDue(now)) {
      taken.add(step.get().request() + ":" + step.get().kind());
    }
    return taken;
  }

  @Test
  void stepsOfEveryRequestAreTakenInDueOrder() {
    schedule.add("a", T0.plusSeconds(20), "done");
    schedule.add("b", T0.plusSeconds(5), "results");
    schedule.add("a", T0.plusSeconds(10), "ready");

    assertThat(takeAllDue(T0.plusSeconds(30))).containsExactly("b:results", "a:ready", "a:done");
  }

  @Test
  void stepsDueTogetherAreTakenInTheOrderAdded() {
    schedule.add("a", T0, "first");
    schedule.add("b", T0, "second");

    assertThat(takeAllDue(T0)).containsExactly("a:first", "b:second");
  }

  @Test
  void aStepNotYetDueStaysPending() {
    schedule.add("a", T0.plusSeconds(60), "done");

    assertThat(takeAllDue(T0.plusSeconds(59))).isEmpty();
    assertThat(schedule.hasPending("a")).isTrue();
  }

  @Test
  void aRequestHasNothingPendingOnceItsLastStepIsTaken() {
    schedule.add("a", T0, "ready");
    schedule.add("a", T0.plusSeconds(1), "done");

    takeAllDue(T0.plusSeconds(1));

    assertThat(schedule.hasPending("a")).isFalse();
  }

  @Test
  void clearedStepsAreNeverTaken() {
    schedule.add("a", T0, "ready");
    schedule.add("b", T0, "ready");

    schedule.clear("a");

    assertThat(schedule.hasPending("a")).isFalse();
    assertThat(takeAllDue(T0)).containsExactly("b:ready");
  }

  @Test
  void stepsAddedAfterAClearAreTaken() {
    schedule.add("a", T0, "old");
    schedule.clear("a");
    schedule.add("a", T0.plusSeconds(1), "new");

    assertThat(takeAllDue(T0.plusSeconds(1))).containsExactly("a:new");
  }
}

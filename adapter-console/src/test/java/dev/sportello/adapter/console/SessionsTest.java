package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private final MutableClock now = MutableClock.atTestEpoch();
  private final Sessions sessions = new Sessions(Duration.ofMinutes(30), 2, now);

  @Test
  void aFullStoreForgetsTheSessionIdleTheLongest() {
    Session oldest = sessions.open("alice");
    now.advance(Duration.ofSeconds(1));
    Session other = sessions.open("bob");
    now.advance(Duration.ofSeconds(1));
    sessions.find(oldest.id());

    Session newest = sessions.open("carol");

    assertThat(sessions.find(newest.id())).isNotEmpty();
    assertThat(sessions.find(oldest.id())).isNotEmpty();
    assertThat(sessions.find(other.id())).isEmpty();
  }

  @Test
  void aSessionIdleTooLongIsNotFound() {
    Session idle = sessions.open("alice");
    now.advance(Duration.ofMinutes(30));

    assertThat(sessions.find(idle.id())).isEmpty();
  }

  @Test
  void eachSessionHasItsOwnRandomIdAndToken() {
    Session one = sessions.open("alice");
    Session two = sessions.open("alice");

    assertThat(one.id()).isNotEqualTo(two.id()).matches(Sessions.TOKEN);
    assertThat(one.csrfToken()).isNotEqualTo(two.csrfToken()).isNotEqualTo(one.id());
  }
}

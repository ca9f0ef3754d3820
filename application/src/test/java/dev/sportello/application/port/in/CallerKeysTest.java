package dev.sportello.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.HashMap;
import org.junit.jupiter.api.Test;

class CallerKeysTest {
  private final CallerKeys keys =
      CallerKeys.of(
          HashMap.of(CallerKeys.hash("alice-key"), "alice", CallerKeys.hash("bob-key"), "bob"));

  @Test
  void aKeyIsConfiguredAsTheSha256OfItsUtf8BytesInLowerCaseHex() {
    assertThat(CallerKeys.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aConfiguredKeyNamesItsCaller() {
    assertThat(keys.callerOf("bob-key")).contains("bob");
  }

  @Test
  void anyOtherKeyNamesNoOne() {
    assertThat(keys.callerOf("alice-key ")).isEmpty();
    assertThat(keys.callerOf("")).isEmpty();
  }

  @Test
  void aKeyLongerThanTheLimitNamesNoOneEvenWhenConfigured() {
    String longest = "k".repeat(CallerKeys.MAX_KEY_LENGTH);
    String tooLong = longest + "k";
    CallerKeys configured =
        CallerKeys.of(
            HashMap.of(CallerKeys.hash(longest), "alice", CallerKeys.hash(tooLong), "bob"));

    assertThat(configured.callerOf(longest)).contains("alice");
    assertThat(configured.callerOf(tooLong)).isEmpty();
  }
}

package dev.sportello.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.request.RequestId;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomRequestIdsTest {

  @Test
  void anIdIsReqFollowedBy120BitsOfUrlSafeBase64() {
    assertThat(RequestIds.random().next().value()).matches("req_[A-Za-z0-9_-]{20}");
  }

  @Test
  void idsDoNotRepeat() {
    RequestIds ids = RequestIds.random();
    Set<RequestId> drawn = new HashSet<>();

    IntStream.range(0, 10_000).forEach(i -> drawn.add(ids.next()));

    assertThat(drawn).hasSize(10_000);
  }

  @Test
  void twoSourcesDoNotHandOutTheSameIds() {
    assertThat(RequestIds.random().next()).isNotEqualTo(RequestIds.random().next());
  }
}

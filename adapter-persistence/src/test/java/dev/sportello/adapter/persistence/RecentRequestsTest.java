package dev.sportello.adapter.persistence;

import static dev.sportello.adapter.persistence.Fixtures.T0;
import static dev.sportello.adapter.persistence.Fixtures.accepted;
import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.request.CertificateRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapstruct.factory.Mappers;

class RecentRequestsTest {
  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  private final RequestRows rows =
      new RequestRows(Mappers.getMapper(JsonMapping.class), LiveKeys.fixed(DataKeys.generate()));
  private final MovableClock clock = new MovableClock();
  private final RecentRequests recent = new RecentRequests(rows, 2, MAX_AGE, clock);

  @Test
  void anUnchangedRowIsAnsweredWithTheRequestReadFromItBefore() {
    RequestRow row = rows.toRow(accepted("kept-1"), 0);

    Stored<CertificateRequest> first = right(recent.request(row));

    assertThat(right(recent.request(row))).isSameAs(first);
    assertThat(first).isEqualTo(right(rows.toDomain(row)));
  }

  @Test
  void aRowAtAnotherVersionIsReadAfresh() {
    CertificateRequest request = accepted("kept-2");
    right(recent.request(rows.toRow(request, 0)));
    CertificateRequest cancelled = request.cancel("changed my mind", T0.plusSeconds(1)).get();

    Stored<CertificateRequest> read = right(recent.request(rows.toRow(cancelled, 1)));

    assertThat(read).isEqualTo(new Stored<>(cancelled, 1));
  }

  @Test
  void aRowChangedAtTheSameVersionIsReadAsChanged() {
    CertificateRequest request = accepted("kept-3");
    right(recent.request(rows.toRow(request, 0)));
    CertificateRequest changed = request.withUpstreamUpdatedAt(T0.plusSeconds(1));

    assertThat(right(recent.request(rows.toRow(changed, 0)))).isEqualTo(new Stored<>(changed, 0));
  }

  @Test
  void aRowThatDoesNotReadIsNeitherKeptNorAnsweredWithWhatWasKept() {
    right(recent.request(rows.toRow(accepted("kept-12"), 0)));
    RequestRow sealedByKeysNotHeld =
        new RequestRows(Mappers.getMapper(JsonMapping.class), LiveKeys.fixed(DataKeys.generate()))
            .toRow(accepted("kept-12").withUpstreamUpdatedAt(T0), 0);

    assertThat(left(recent.request(sealedByKeysNotHeld)))
        .isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(recent.size()).isZero();
  }

  @Test
  void noMoreRequestsAreKeptThanTheCapacity() {
    RequestRow first = rows.toRow(accepted("kept-4"), 0);
    Stored<CertificateRequest> read = right(recent.request(first));
    right(recent.request(rows.toRow(accepted("kept-5"), 0)));
    right(recent.request(rows.toRow(accepted("kept-6"), 0)));

    assertThat(recent.size()).isEqualTo(2);
    assertThat(right(recent.request(first))).isNotSameAs(read).isEqualTo(read);
  }

  @Test
  void aRequestIsNotAnsweredFromMemoryOnceItIsAsOldAsTheMaximumAge() {
    RequestRow row = rows.toRow(accepted("kept-7"), 0);
    Stored<CertificateRequest> read = right(recent.request(row));
    clock.move(MAX_AGE);

    assertThat(right(recent.request(row))).isNotSameAs(read).isEqualTo(read);
  }

  @Test
  void sweepingDropsWhatIsAsOldAsTheMaximumAgeAndKeepsTheRest() {
    right(recent.request(rows.toRow(accepted("kept-8"), 0)));
    clock.move(MAX_AGE.minusSeconds(1));
    RequestRow younger = rows.toRow(accepted("kept-9"), 0);
    Stored<CertificateRequest> read = right(recent.request(younger));
    clock.move(Duration.ofSeconds(1));

    recent.sweep();

    assertThat(recent.size()).isEqualTo(1);
    assertThat(right(recent.request(younger))).isSameAs(read);
  }

  @Test
  void aClockSetBackMakesWhatWasKeptTooOld() {
    RequestRow row = rows.toRow(accepted("kept-10"), 0);
    Stored<CertificateRequest> read = right(recent.request(row));
    clock.move(Duration.ofSeconds(-1));

    assertThat(right(recent.request(row))).isNotSameAs(read);
  }

  @Test
  void aForgottenRequestIsReadAfresh() {
    RequestRow row = rows.toRow(accepted("kept-11"), 0);
    Stored<CertificateRequest> read = right(recent.request(row));

    recent.forget(row.id());

    assertThat(recent.size()).isZero();
    assertThat(right(recent.request(row))).isNotSameAs(read).isEqualTo(read);
  }

  @Test
  void everyRequestIsReadAfreshOnceTheKeysChange(@TempDir Path directory) {
    Path file = directory.resolve("keys.json");
    LiveKeys keys = LiveKeys.keptIn(file, right(DataKeys.readOrCreate(file)));
    RequestRows rotating = new RequestRows(Mappers.getMapper(JsonMapping.class), keys);
    RecentRequests kept = new RecentRequests(rotating, 2, MAX_AGE, clock);
    RequestRow row = rotating.toRow(accepted("kept-13"), 0);
    Stored<CertificateRequest> read = right(kept.request(row));
    right(DataKeys.rotate(file));

    assertThat(right(keys.refresh())).isTrue();

    assertThat(right(kept.request(row))).isNotSameAs(read).isEqualTo(read);
  }

  /** A clock that moves only when told. */
  private static final class MovableClock extends Clock {
    private Instant now = T0;

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.in.ValidateSubmissionCommand;
import dev.sportello.application.port.in.ValidationReport;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.shared.Violation;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class CatalogRoutesTest {
  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void listsCertificatesWithFilters() {
    when(api.browse.browse(any())).thenReturn(Either.right(List.of(Fixtures.entry())));

    var reply = api.get("/api/v1/certificates?category=Anagrafe&name=famiglia");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("items").get(0).get("id").asString())
        .isEqualTo(Fixtures.CERTIFICATE_ID);
    assertThat(reply.json().get("nextCursor").isNull()).isTrue();
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    verify(api.browse)
        .browse(
            new BrowseCatalogQuery(
                Option.some("Anagrafe"), Option.some("famiglia"), Option.none()));
  }

  @Test
  void everyCertificateNamesItsEngine() {
    var docuEngine = Fixtures.certificate(Fixtures.DOCUENGINE_CERTIFICATE_ID, TestData.DOCUENGINE);
    when(api.browse.browse(any()))
        .thenReturn(Either.right(List.of(Fixtures.entry(), Fixtures.entry(docuEngine))));

    var items = api.get("/api/v1/certificates").json().get("items");

    assertThat(items.get(0).get("id").asString()).isEqualTo(Fixtures.CERTIFICATE_ID);
    assertThat(items.get(0).get("engine").asString()).isEqualTo("visengine");
    assertThat(items.get(1).get("id").asString()).isEqualTo(Fixtures.DOCUENGINE_CERTIFICATE_ID);
    assertThat(items.get(1).get("engine").asString()).isEqualTo("docuengine");
  }

  @Test
  void listsOneEngineWhenAsked() {
    when(api.browse.browse(any())).thenReturn(Either.right(List.empty()));

    assertThat(api.get("/api/v1/certificates?engine=docuengine").status()).isEqualTo(200);
    verify(api.browse)
        .browse(
            new BrowseCatalogQuery(
                Option.none(), Option.none(), Option.some(new Engine("docuengine"))));
  }

  @Test
  void anEngineNoEngineCouldHaveIsRefused() {
    for (String engine : new String[] {"DocuEngine", "docu-engine", "1engine", "x".repeat(33)}) {
      var reply = api.get("/api/v1/certificates?engine=" + engine);

      assertThat(reply.status()).as(engine).isEqualTo(400);
      var violation = reply.json().get("violations").get(0);
      assertThat(violation.get("field").asString()).isEqualTo("engine");
      assertThat(violation.get("code").asString()).isEqualTo("malformed_engine");
    }
    verifyNoInteractions(api.browse);
  }

  @Test
  void emptyFiltersCountAsAbsent() {
    when(api.browse.browse(any())).thenReturn(Either.right(List.empty()));

    assertThat(api.get("/api/v1/certificates?category=&name=").status()).isEqualTo(200);
    verify(api.browse).browse(BrowseCatalogQuery.everything());
  }

  @Test
  void describesACertificate() {
    when(api.describe.describe(new CertificateId(Fixtures.CERTIFICATE_ID)))
        .thenReturn(Either.right(Fixtures.description()));

    var reply = api.get("/api/v1/certificates/" + Fixtures.CERTIFICATE_ID);

    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    assertThat(json.get("engine").asString()).isEqualTo("visengine");
    assertThat(json.get("fields").get(0).get("key").asString()).isEqualTo("$0");
    assertThat(json.get("fields").get(0).get("type").asString())
        .isEqualTo("codice_fiscale_persona_fisica");
    assertThat(json.get("fields").get(0).get("kind").asString()).isEqualTo("personal_tax_code");
    assertThat(json.get("fields").get(0).get("required").asBoolean()).isTrue();
    assertThat(json.get("alternatives").get(0).toString()).isEqualTo("[\"$0\",\"$1\"]");
    assertThat(json.get("extras").get(0).get("price").get("euros").asString()).isEqualTo("5.00");
    assertThat(json.get("quote").get("total").get("cents").asLong()).isEqualTo(1574);
    assertThat(json.get("quote").get("total").get("euros").asString()).isEqualTo("15.74");
  }

  @Test
  void describesACertificateOfAnotherEngine() {
    var docuEngine = Fixtures.certificate(Fixtures.DOCUENGINE_CERTIFICATE_ID, TestData.DOCUENGINE);
    when(api.describe.describe(docuEngine.id()))
        .thenReturn(Either.right(Fixtures.description(docuEngine)));

    var reply = api.get("/api/v1/certificates/" + Fixtures.DOCUENGINE_CERTIFICATE_ID);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asString()).isEqualTo(Fixtures.DOCUENGINE_CERTIFICATE_ID);
    assertThat(reply.json().get("engine").asString()).isEqualTo("docuengine");
  }

  @Test
  void aMalformedCertificateIdNamesNothing() {
    var reply = api.get("/api/v1/certificates/not.an.id");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    verifyNoInteractions(api.describe);
  }

  @Test
  void validatesWithoutUpstreamByDefault() {
    when(api.validate.validate(any()))
        .thenReturn(
            Either.right(
                new ValidationReport(
                    List.of(
                        new Violation(
                            "$0",
                            "Codice fiscale",
                            "codice_fiscale.check_character",
                            "wrong check character")),
                    Option.some(Fixtures.quote()),
                    false)));

    var reply =
        api.post(
            "/api/v1/certificates/" + Fixtures.CERTIFICATE_ID + "/validation",
            "{\"values\": {\"$0\": \"RSSMRA80A01H501X\"}, \"extras\": [\"opzione_0\"], \"reference\": \"r\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("valid").asBoolean()).isFalse();
    assertThat(reply.json().get("violations").get(0).get("field").asString()).isEqualTo("$0");
    assertThat(reply.json().get("violations").get(0).get("label").asString())
        .isEqualTo("Codice fiscale");
    assertThat(reply.text()).doesNotContain("RSSMRA80A01H501X");
    var command = ArgumentCaptor.forClass(ValidateSubmissionCommand.class);
    verify(api.validate).validate(command.capture());
    assertThat(command.getValue().askUpstream()).isFalse();
    assertThat(command.getValue().input().certificateId()).isEqualTo(Fixtures.CERTIFICATE_ID);
    assertThat(command.getValue().input().values().get("$0").get()).isEqualTo("RSSMRA80A01H501X");
    assertThat(command.getValue().input().extras()).containsExactly("opzione_0");
    assertThat(command.getValue().input().reference()).contains("r");
  }

  @Test
  void validatesWithUpstreamWhenAsked() {
    when(api.validate.validate(any()))
        .thenReturn(
            Either.right(new ValidationReport(List.empty(), Option.some(Fixtures.quote()), true)));

    var reply =
        api.post(
            "/api/v1/certificates/" + Fixtures.CERTIFICATE_ID + "/validation?upstream=true", "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("valid").asBoolean()).isTrue();
    assertThat(reply.json().get("upstreamChecked").asBoolean()).isTrue();
    var command = ArgumentCaptor.forClass(ValidateSubmissionCommand.class);
    verify(api.validate).validate(command.capture());
    assertThat(command.getValue().askUpstream()).isTrue();
  }

  @Test
  void anUpstreamFlagThatIsNotABooleanIsRefused() {
    var reply =
        api.post(
            "/api/v1/certificates/" + Fixtures.CERTIFICATE_ID + "/validation?upstream=maybe", "{}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("violations").get(0).get("field").asString()).isEqualTo("upstream");
    verifyNoInteractions(api.validate);
  }
}

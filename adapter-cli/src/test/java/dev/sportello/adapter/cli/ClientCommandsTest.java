package dev.sportello.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client commands against a stand-in of the REST API. */
class ClientCommandsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String QUOTE =
      "{\"total\": {\"euros\": \"12.20\"}, \"net\": {\"euros\": \"10.00\"},"
          + " \"vat\": {\"euros\": \"2.20\"}}";

  @TempDir Path work;

  private final StubService service = new StubService();

  ClientCommandsTest() throws IOException {}

  @AfterEach
  void stop() {
    service.close();
  }

  private static String request(String id, String status, String more) {
    return "{\"id\": \""
        + id
        + "\", \"status\": \""
        + status
        + "\", \"engine\": \"docuengine\", \"certificateName\": \"Certificato di residenza\","
        + " \"quote\": "
        + QUOTE
        + more
        + "}";
  }

  @Test
  void aCommandWithoutAnApiKeySaysWhereToFindOne() {
    StubService.Run run =
        StubService.run(
            new CliSettings(Either.right(service.url()), Option.none()), "request", "list");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: no API key: pass --api-key or set SPORTELLO_API_KEY");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void anUnusableConfiguredAddressIsReportedWhenAClientCommandRuns() {
    StubService.Run run =
        StubService.run(
            new CliSettings(Either.left("SPORTELLO_URL must be an http URL"), Option.some("k")),
            "catalog",
            "list");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: SPORTELLO_URL must be an http URL");
  }

  @Test
  void theUrlAndKeyOnTheCommandLineWinOverTheSettings() {
    service.reply(200, "{\"items\": []}");

    StubService.Run run =
        StubService.run(
            new CliSettings(Either.left("unusable"), Option.none()),
            "catalog",
            "list",
            "--url",
            service.url().toString(),
            "--api-key",
            "from-the-command-line");

    assertThat(run.exitCode()).isZero();
    assertThat(service.calls.get(0).authorization()).isEqualTo("Bearer from-the-command-line");
  }

  @Test
  void aUrlWithoutASchemeIsAUsageErrorNamingTheOptionAndAnExample() {
    StubService.Run run = service.run("catalog", "list", "--url", "localhost:18080");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "error: --url localhost:18080 is not an http or https URL with a host; give one such as"
                + " --url http://localhost:8080");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void aUrlThatIsNoUrlAtAllIsAUsageErrorInEveryClientCommand() {
    for (String[] command :
        List.of(
            new String[] {"catalog", "show", "abc"},
            new String[] {"request", "list"},
            new String[] {"request", "status", "r1"},
            new String[] {"request", "cancel", "r1"},
            new String[] {"request", "select", "r1", "0"},
            new String[] {"request", "document", "r1", "-o", "d.zip"},
            new String[] {"request", "submit", "c1", "values.json"})) {
      StubService.Run run =
          service.run(
              io.vavr.collection.List.of(command)
                  .appendAll(List.of("--url", "notaurl"))
                  .toJavaArray(String[]::new));

      assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(2);
      assertThat(run.err().strip())
          .as(String.join(" ", command))
          .isEqualTo(
              "error: --url notaurl is not an http or https URL with a host; give one such as"
                  + " --url http://localhost:8080");
    }
    assertThat(service.calls).isEmpty();
  }

  @Test
  void anUnreachableServiceIsNamedWithAHint() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    StubService.Run run =
        StubService.run(
            new CliSettings(
                Either.right(java.net.URI.create("http://127.0.0.1:" + closedPort)),
                Option.some("k")),
            "request",
            "list");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot reach Sportello at").contains("sportello serve");
  }

  @Test
  void catalogListSendsTheFiltersAndPrintsALinePerCertificate() {
    service.reply(
        200,
        "{\"items\": [{\"id\": \"abc\", \"engine\": \"visengine\", \"category\": \"Patronato\","
            + " \"name\": \"Stato di famiglia\"}]}");

    StubService.Run run = service.run("catalog", "list", "--category", "Patronato", "--name", "è");

    assertThat(run.out().lines())
        .containsExactly("abc" + " ".repeat(29) + "  visengine   Patronato   Stato di famiglia");
    assertThat(service.calls.get(0).uri().getRawQuery())
        .isEqualTo("category=Patronato&name=%C3%A8");
    assertThat(service.calls.get(0).authorization()).isEqualTo("Bearer " + StubService.API_KEY);
  }

  @Test
  void catalogListShowsTheEngineOfEachCertificateInAColumn() {
    service.reply(
        200,
        "{\"items\": ["
            + "{\"id\": \"69663cda34a03ef7efc253262baea547\", \"engine\": \"visengine\","
            + " \"category\": \"Anagrafe\", \"name\": \"Certificato di residenza\"},"
            + "{\"id\": \"663df75d19a52195e23e315c\", \"engine\": \"docuengine\","
            + " \"category\": \"Camerali\", \"name\": \"Visura Camerale Ordinaria\"}]}");

    StubService.Run run = service.run("catalog", "list");

    assertThat(run.out().lines())
        .containsExactly(
            "69663cda34a03ef7efc253262baea547  visengine   Anagrafe    Certificato di residenza",
            "663df75d19a52195e23e315c          docuengine  Camerali    Visura Camerale Ordinaria");
  }

  @Test
  void catalogListAsksForOneEngine() {
    service.reply(200, "{\"items\": []}");

    StubService.Run run = service.run("catalog", "list", "--engine", "docuengine");

    assertThat(run.exitCode()).isZero();
    assertThat(service.calls.get(0).uri().getRawQuery()).isEqualTo("engine=docuengine");
  }

  @Test
  void catalogShowNamesTheEngine() {
    service.reply(
        200,
        "{\"id\": \"663df75d19a52195e23e315c\", \"engine\": \"docuengine\", \"name\":"
            + " \"Visura Camerale Ordinaria\", \"category\": \"Camerali\", \"quote\": "
            + QUOTE
            + ", \"rule\": \"$0\", \"fields\": []}");

    StubService.Run run = service.run("catalog", "show", "663df75d19a52195e23e315c");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsSequence("id      663df75d19a52195e23e315c", "engine  docuengine");
  }

  @Test
  void submitSendsTheValuesFileUnderAFreshIdempotencyKey() throws IOException {
    Path values = work.resolve("values.json");
    Files.writeString(values, "{\"values\": {\"$0\": \"Mario\", \"$1\": 7}, \"extras\": [\"x\"],}");
    service.reply(202, request("r1", "ACCEPTED", ""));

    StubService.Run run = service.run("request", "submit", "cert-1", values.toString());
    JsonNode sent = JSON.readTree(service.calls.get(0).body());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().findFirst().get())
        .isEqualTo(
            "r1  ACCEPTED  Certificato di residenza  total 12.20 EUR (net 10.00 + VAT 2.20)  on"
                + " docuengine");
    assertThat(sent.path("certificateId").asString()).isEqualTo("cert-1");
    assertThat(sent.path("values").path("$0").asString()).isEqualTo("Mario");
    assertThat(sent.path("values").path("$1").asInt()).isEqualTo(7);
    assertThat(sent.path("extras").get(0).asString()).isEqualTo("x");
    assertThat(service.calls.get(0).idempotencyKey()).isNotBlank();
  }

  @Test
  void aSubmissionThatGetsNoAnswerNamesTheKeyThatRepeatsItOnce() throws IOException {
    Path values = work.resolve("values.json");
    Files.writeString(values, "{\"values\": {\"$0\": \"Mario\"}}");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    StubService.Run run =
        StubService.run(
            new CliSettings(
                Either.right(java.net.URI.create("http://127.0.0.1:" + closedPort)),
                Option.some("k")),
            "request",
            "submit",
            "cert-1",
            values.toString(),
            "--idempotency-key",
            "order-42");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("--idempotency-key order-42");
  }

  @Test
  void aValuesFileThatIsNotAnObjectIsRefusedBeforeAnyCall() throws IOException {
    Path values = work.resolve("values.json");
    Files.writeString(values, "[\"Mario\"]");

    StubService.Run run = service.run("request", "submit", "cert-1", values.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("error: " + values + ": a submission should be a JSON object");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void aValuesFileThatIsNotJsonIsRefusedWithWhereItBreaksButNotWhatItSays() throws IOException {
    Path values = work.resolve("values.json");
    Files.writeString(values, "{\"values\": RSSMRA85T10A562S}");

    StubService.Run run = service.run("request", "submit", "cert-1", values.toString());

    assertThat(run.err().strip())
        .startsWith("error: " + values + ": not valid JSON (line 1")
        .doesNotContain("RSSMRA");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void aRefusalPrintsTheProblemAndEveryViolation() throws IOException {
    Path values = work.resolve("values.json");
    Files.writeString(values, "{\"values\": {}}");
    service.reply(
        400,
        "{\"title\": \"Invalid submission\", \"detail\": \"2 problems\", \"violations\": ["
            + "{\"field\": \"$0\", \"code\": \"required\", \"message\": \"is required\"},"
            + "{\"field\": \"$4\", \"code\": \"required\", \"message\": \"is required\"}]}");

    StubService.Run run = service.run("request", "submit", "cert-1", values.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines())
        .containsExactly(
            "error: Invalid submission: 2 problems",
            "  $0 required: is required",
            "  $4 required: is required");
  }

  @Test
  void waitFollowsARequestUntilItNeedsAChoiceAndShowsTheCandidates() {
    service
        .reply(200, request("r1", "SEARCHING", ""))
        .reply(
            200,
            request(
                "r1",
                "AWAITING_SELECTION",
                ", \"searches\": [{\"searchId\": \"s1\", \"candidates\": [{\"index\": 0,"
                    + " \"attributes\": {\"name\": \"Alfa srl\", \"city\": \"Roma\"}}]}]"));

    StubService.Run run = service.run("request", "status", "r1", "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("SEARCHING").contains("AWAITING_SELECTION");
    assertThat(run.out().lines())
        .containsSequence(
            "  candidates of search s1:", "    [0] name: Alfa srl", "        city: Roma");
    assertThat(service.calls).hasSize(2);
  }

  @Test
  void aCandidateOfTheRegisterLeadsWithItsNameTaxCodeAndMunicipalityOneAttributeALine() {
    service.reply(
        200,
        request(
            "r1",
            "AWAITING_SELECTION",
            ", \"searches\": [{\"searchId\": \"s1\", \"candidates\": [{\"index\": 0,"
                + " \"attributes\": {\"!completa\": \"S\", \"!idBicAzienda\": \"900004\","
                + " \"Ateco07.!\": \"Assistenza sociale\", \"Ateco07.!cod\": \"889900\","
                + " \"Cciaa\": \"NA\", \"CodFisc\": \"07123450631\","
                + " \"Denominazione\": \"GAMMA COOPERATIVA SOCIALE\","
                + " \"Indirizzo.Cap\": \"80134\", \"Indirizzo.Comune\": \"NAPOLI\","
                + " \"Indirizzo.Provincia.!\": \"NA\", \"PIva\": \"07123450631\"}}]}]"));

    StubService.Run run = service.run("request", "status", "r1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsSequence(
            "  candidates of search s1:",
            "    [0] Denominazione: GAMMA COOPERATIVA SOCIALE",
            "        CodFisc: 07123450631",
            "        PIva: 07123450631",
            "        Indirizzo.Comune: NAPOLI",
            "        Indirizzo.Provincia.!: NA",
            "        !completa: S",
            "        !idBicAzienda: 900004",
            "        Ateco07.!: Assistenza sociale",
            "        Ateco07.!cod: 889900",
            "        Cciaa: NA",
            "        Indirizzo.Cap: 80134");
  }

  @Test
  void aTimeoutThatIsNotADurationIsRefused() {
    StubService.Run run = service.run("request", "status", "r1", "--wait", "--timeout", "soon");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "error: --timeout must be a duration such as 500ms, 30s, 5m, 24h, 365d or PT30S");
    assertThat(service.calls).isEmpty();
  }

  @Test
  void aRequestStillOpenPastTheTimeoutIsReportedAsSuch() {
    service.reply(200, request("r1", "PROCESSING", ""));

    StubService.Run run = service.run("request", "status", "r1", "--wait", "--timeout", "0s");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error: still PROCESSING after 0s");
  }

  @Test
  void selectChoosesFromTheLatestSearchWhenNoneIsNamed() {
    service
        .reply(
            200,
            request(
                "r1",
                "AWAITING_SELECTION",
                ", \"searches\": [{\"searchId\": \"s1\"}, {\"searchId\": \"s2\"}]"))
        .reply(200, request("r1", "PROCESSING", ""));

    StubService.Run run = service.run("request", "select", "r1", "3");

    assertThat(run.exitCode()).isZero();
    assertThat(service.calls.get(1).uri().getPath()).isEqualTo("/api/v1/requests/r1/selection");
    assertThat(JSON.readTree(service.calls.get(1).body()).path("searchId").asString())
        .isEqualTo("s2");
    assertThat(JSON.readTree(service.calls.get(1).body()).path("index").asInt()).isEqualTo(3);
  }

  @Test
  void submitWithWaitPrintsTheRequestAsAcceptedBeforeFollowingIt() throws IOException {
    Path values = work.resolve("values.json");
    Files.writeString(values, "{\"values\": {\"$0\": \"Mario\"}}");
    service.reply(202, request("r1", "ACCEPTED", "")).reply(200, request("r1", "FULFILLED", ""));

    StubService.Run run = service.run("request", "submit", "cert-1", values.toString(), "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().map(line -> line.substring(0, line.indexOf("  Cert"))))
        .containsExactly("r1  ACCEPTED", "r1  FULFILLED");
  }

  @Test
  void submitWithWaitOfARequestSettledWhenAcceptedPrintsItOnce() throws IOException {
    Path values = work.resolve("values.json");
    Files.writeString(values, "{\"values\": {\"$0\": \"Mario\"}}");
    service.reply(202, request("r1", "REJECTED", "")).reply(200, request("r1", "REJECTED", ""));

    StubService.Run run = service.run("request", "submit", "cert-1", values.toString(), "--wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().filter(line -> line.startsWith("r1"))).hasSize(1);
  }

  @Test
  void aCancelledRequestShowsWhyAndNoOutcome() {
    service.reply(
        200,
        request(
            "r1",
            "CANCELLED",
            ", \"history\": [{\"status\": \"ACCEPTED\", \"note\": \"\"},"
                + " {\"status\": \"CANCELLED\", \"note\": \"ordered twice\"}],"
                + " \"outcome\": {\"code\": \"0\", \"message\": \"OK\", \"success\": true}"));

    StubService.Run run = service.run("request", "status", "r1");

    assertThat(run.out().lines()).hasSize(2).element(1).isEqualTo("  cancelled: ordered twice");
  }

  @Test
  void aRefusedRequestShowsItsOutcome() {
    service.reply(
        200,
        request(
            "r1",
            "REJECTED",
            ", \"outcome\": {\"code\": \"insufficient_credit\", \"message\": \"the wallet"
                + " cannot pay\", \"success\": false}"));

    StubService.Run run = service.run("request", "status", "r1");

    assertThat(run.out().lines())
        .containsExactly(
            "r1  REJECTED  Certificato di residenza  total 12.20 EUR (net 10.00 + VAT 2.20)  on"
                + " docuengine",
            "  outcome insufficient_credit: the wallet cannot pay");
  }

  @Test
  void cancelSendsTheReason() {
    service.reply(200, request("r1", "CANCELLED", ""));

    StubService.Run run = service.run("request", "cancel", "r1", "--reason", "ordered twice");

    assertThat(run.out()).startsWith("r1  CANCELLED");
    assertThat(service.calls.get(0).uri().getPath()).isEqualTo("/api/v1/requests/r1/cancellation");
    assertThat(JSON.readTree(service.calls.get(0).body()).path("reason").asString())
        .isEqualTo("ordered twice");
  }

  @Test
  void documentWritesTheZipToTheFileNamed() throws IOException {
    service.reply(200, "PK-not-really-a-zip");
    Path output = work.resolve("document.zip");

    StubService.Run run = service.run("request", "document", "r1", "-o", output.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(output)).isEqualTo("PK-not-really-a-zip");
    assertThat(run.out().strip()).isEqualTo("wrote " + output + " (19 B)");
  }

  @Test
  void documentWithWaitRefusesARequestThatEndedWithoutOne() {
    service.reply(200, request("r1", "REJECTED", ""));

    StubService.Run run =
        service.run("request", "document", "r1", "--wait", "-o", work.resolve("d.zip").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error: the request is REJECTED: there is no document");
    assertThat(service.calls).hasSize(1);
  }
}

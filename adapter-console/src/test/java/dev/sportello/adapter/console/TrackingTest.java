package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.TestApplication;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.Selection;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrackingTest {
  private final TestApplication app = TestApplication.create();
  private final Orders orders = new Orders(app);
  private final Browser browser = new Browser(app.useCases());

  TrackingTest() {
    browser.signIn();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void theListShowsEachRequestWithItsStatusCertificateAndDate() {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);

    HttpResponse<String> list = browser.get("/requests");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("<a href=\"/requests/" + request.id().value() + "\">Certificato di residenza</a>")
        .contains("<td>Processing</td>")
        .contains("<time datetime=\"" + request.createdAt() + "\">");
  }

  @Test
  void theListShowsOnlyTheSignedInCallersRequests() {
    orders.place(Browser.ALICE, Orders.PLAIN);
    CertificateRequest bobs = orders.place("bob", Orders.SEARCHED);

    String list = browser.get("/requests").body();

    assertThat(list).contains("Certificato di residenza").doesNotContain(bobs.id().value());
  }

  @Test
  void theFilterByStatusKeepsOnlyRequestsInThatStatus() {
    CertificateRequest processing = orders.place(Browser.ALICE, Orders.PLAIN);
    CertificateRequest searching = orders.place(Browser.ALICE, Orders.SEARCHED);

    String list = browser.get("/requests?status=SEARCHING").body();

    assertThat(list)
        .contains("/requests/" + searching.id().value())
        .doesNotContain("/requests/" + processing.id().value())
        .contains("<option value=\"SEARCHING\" selected>");
  }

  @Test
  void theListIsPagedAndLinksToTheOlderRequests() {
    CertificateRequest oldest = orders.place(Browser.ALICE, Orders.PLAIN);
    for (int more = 0; more < Tracking.PAGE_SIZE; more++) {
      orders.place(Browser.ALICE, Orders.PLAIN);
    }

    String first = browser.get("/requests").body();
    Matcher next =
        Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">Older requests</a>").matcher(first);

    assertThat(first).doesNotContain("/requests/" + oldest.id().value() + "\"");
    assertThat(next.find()).isTrue();
    assertThat(browser.get(next.group(1).replace("&amp;", "&")).body())
        .contains("/requests/" + oldest.id().value() + "\"")
        .doesNotContain("rel=\"next\"");
  }

  @Test
  void aStatusThatDoesNotExistIsABadRequest() {
    assertThat(browser.get("/requests?status=LOST").statusCode()).isEqualTo(400);
  }

  @Test
  void anotherCallersRequestIsNotFound() {
    CertificateRequest bobs = orders.place("bob", Orders.PLAIN);

    HttpResponse<String> page = browser.get("/requests/" + bobs.id().value());

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("There is nothing at this address.");
  }

  @Test
  void anotherCallersRequestCannotBeCancelled() {
    CertificateRequest bobs = orders.place("bob", Orders.PLAIN);
    browser.get("/requests");

    HttpResponse<String> refused =
        browser.post("/requests/" + bobs.id().value() + "/cancel", Map.of("reason", "mine"));

    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(orders.read(bobs).status()).isEqualTo(RequestStatus.PROCESSING);
  }

  @Test
  void anotherCallersDocumentCannotBeDownloaded() {
    CertificateRequest bobs =
        orders.fulfil(orders.place("bob", Orders.PLAIN), Map.of("certificato.pdf", "bob's"));

    HttpResponse<byte[]> refused =
        new SessionClient(browser).download("/requests/" + bobs.id().value() + "/document");

    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
  }

  @Test
  void theRequestPageShowsItsDatedHistoryNewestFirst() {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    orders.advance(request, RequestStatus.DATA_AVAILABLE);

    String page = browser.get("/requests/" + request.id().value()).body();

    assertThat(page)
        .contains("Status: <strong>Data available</strong>")
        .containsSubsequence("Data available</strong>", "Processing</strong>", "Accepted</strong>")
        .contains("<time datetime=\"" + request.createdAt() + "\">");
  }

  @Test
  void theRequestPageShowsThePrice() {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);

    String page = browser.get("/requests/" + request.id().value()).body();

    assertThat(page).contains("<th scope=\"row\">Total</th><td>€12.20</td>");
  }

  @Test
  void aRequestStillMovingIsFollowedLiveAndAnEndedOneIsNot() {
    CertificateRequest moving = orders.place(Browser.ALICE, Orders.PLAIN);
    CertificateRequest ended = orders.place(Browser.ALICE, Orders.PLAIN);
    orders.advance(ended, RequestStatus.CANCELLED);

    String live = browser.get("/requests/" + moving.id().value()).body();
    String still = browser.get("/requests/" + ended.id().value()).body();

    assertThat(live).contains("sse-connect=\"/requests/" + moving.id().value() + "/events?since=");
    assertThat(still).doesNotContain("sse-connect");
  }

  @Test
  void aFollowedRequestsPageHasAnAlertForTheEndOfItsSession() {
    CertificateRequest moving = orders.place(Browser.ALICE, Orders.PLAIN);

    String page = browser.get("/requests/" + moving.id().value()).body();

    assertThat(page).contains("<p class=\"error\" role=\"alert\" sse-swap=\"signedOut\"></p>");
  }

  @Test
  void choosingACandidateSendsTheChoiceAndShowsIt() {
    CertificateRequest request =
        orders.offerCandidates(orders.place(Browser.ALICE, Orders.SEARCHED));
    String page = browser.get("/requests/" + request.id().value()).body();
    assertThat(page)
        .contains("<th scope=\"col\">Municipality</th>")
        .contains("<td>Milano</td>")
        .contains("Choose no. 2");

    HttpResponse<String> chosen =
        browser.post(
            "/requests/" + request.id().value() + "/candidates/1",
            Map.of("searchId", request.searches().last().searchId()));

    assertThat(chosen.statusCode()).isEqualTo(303);
    assertThat(orders.read(request).selection().map(Selection::index)).containsExactly(1);
    assertThat(browser.get("/requests/" + request.id().value()).body())
        .contains("You chose result no. 2.");
  }

  @Test
  void theFormsThatChargeAreSentOnceByTheConsolesOwnScript() {
    CertificateRequest request =
        orders.offerCandidates(orders.place(Browser.ALICE, Orders.SEARCHED));

    String page = browser.get("/requests/" + request.id().value()).body();
    String search = browser.get("/requests/" + request.id().value() + "/candidates/search").body();
    HttpResponse<String> script = browser.get("/console/console.js");

    assertThat(page)
        .contains("/candidates/1\" data-send-once>")
        .contains("<script src=\"/console/console.js\" defer></script>");
    assertThat(search)
        .contains("/candidates/search\" data-send-once>")
        .contains("<script src=\"/console/console.js\" defer></script>");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("form[data-send-once]");
  }

  @Test
  void aNewSearchSentWhileAnotherIsUnderWayIsRefused() throws Exception {
    HeldReads reads = new HeldReads();
    TestApplication held = TestApplication.builder().wrapRepository(reads::around).build();
    Orders heldOrders = new Orders(held);
    try (Browser other = new Browser(held.useCases())) {
      other.signIn();
      CertificateRequest request =
          heldOrders.offerCandidates(heldOrders.place(Browser.ALICE, Orders.SEARCHED));
      String search = "/requests/" + request.id().value() + "/candidates/search";
      other.get(search);
      Map<String, String> sent = Map.of("$0", "Luigi", Tracking.ROUNDS_FIELD, "1");
      reads.holdTheNextRead();
      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(() -> other.post(search, sent));
      reads.awaitHeld();

      HttpResponse<String> second = other.post(search, sent);
      reads.release();

      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(second.body()).contains("Another action on this request is under way");
      assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(303);
      assertThat(heldOrders.read(request).searches()).hasSize(2);
    }
  }

  @Test
  void aChoiceSentAgainAfterTheRequestMovedOnIsRefusedWithALinkToIt() {
    CertificateRequest request =
        orders.offerCandidates(orders.place(Browser.ALICE, Orders.SEARCHED));
    browser.get("/requests/" + request.id().value());
    Map<String, String> sent = Map.of("searchId", request.searches().last().searchId());
    browser.post("/requests/" + request.id().value() + "/candidates/1", sent);

    HttpResponse<String> again =
        browser.post("/requests/" + request.id().value() + "/candidates/0", sent);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body())
        .contains("has changed since that page was shown")
        .contains("<a href=\"/requests/" + request.id().value() + "\">");
    assertThat(orders.read(request).selection().map(Selection::index)).containsExactly(1);
  }

  @Test
  void aCandidateOfAnotherSearchIsRefusedOnTheRequestsPage() {
    CertificateRequest request =
        orders.offerCandidates(orders.place(Browser.ALICE, Orders.SEARCHED));
    browser.get("/requests/" + request.id().value());

    HttpResponse<String> refused =
        browser.post(
            "/requests/" + request.id().value() + "/candidates/1", Map.of("searchId", "other_9"));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("role=\"alert\"");
    assertThat(orders.read(request).selection()).isEmpty();
  }

  @Test
  void aNewSearchIsOfferedWithTheValuesTheRequestWasOrderedWith() {
    CertificateRequest request =
        orders.offerCandidates(orders.place(Browser.ALICE, Orders.SEARCHED));
    assertThat(browser.get("/requests/" + request.id().value()).body())
        .contains("href=\"/requests/" + request.id().value() + "/candidates/search\"");

    HttpResponse<String> form =
        browser.get("/requests/" + request.id().value() + "/candidates/search");

    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("<label for=\"search-field-0\">Nome</label>")
        .contains("name=\"$0\" type=\"text\" value=\"Mario\"")
        .contains("€2.44 with VAT");
  }

  @Test
  void aNewSearchStartsAnotherRoundWithTheNewValues() {
    CertificateRequest request =
        orders.offerCandidates(orders.place(Browser.ALICE, Orders.SEARCHED));
    browser.get("/requests/" + request.id().value() + "/candidates/search");

    HttpResponse<String> searched =
        browser.post(
            "/requests/" + request.id().value() + "/candidates/search",
            Map.of("$0", "Luigi", Tracking.ROUNDS_FIELD, "1"));

    assertThat(searched.statusCode()).as(searched.body()).isEqualTo(303);
    assertThat(orders.read(request).searches()).hasSize(2);
    assertThat(orders.read(request).status()).isEqualTo(RequestStatus.SEARCHING);
  }

  @Test
  void aNewSearchSentTwiceFromTheSameFormStartsOneRound() {
    CertificateRequest request =
        orders.offerCandidates(orders.place(Browser.ALICE, Orders.SEARCHED));
    String form = browser.get("/requests/" + request.id().value() + "/candidates/search").body();
    Matcher rounds = Pattern.compile("name=\"rounds\" value=\"(\\d+)\"").matcher(form);
    assertThat(rounds.find()).isTrue();
    Map<String, String> sent = Map.of("$0", "Luigi", Tracking.ROUNDS_FIELD, rounds.group(1));
    browser.post("/requests/" + request.id().value() + "/candidates/search", sent);

    HttpResponse<String> again =
        browser.post("/requests/" + request.id().value() + "/candidates/search", sent);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body())
        .contains("has changed since that page was shown, so nothing was sent")
        .contains(
            "<a href=\"/requests/" + request.id().value() + "\">See the request as it is now.</a>");
    assertThat(orders.read(request).searches()).hasSize(2);
  }

  @Test
  void aRequestWithoutASearchPhaseOffersNoNewSearch() {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);

    HttpResponse<String> form =
        browser.get("/requests/" + request.id().value() + "/candidates/search");

    assertThat(form.statusCode()).isEqualTo(303);
    assertThat(browser.get("/requests/" + request.id().value()).body())
        .doesNotContain("/candidates/search");
  }

  @Test
  void cancellingAsksForConfirmationWithAReason() {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);

    HttpResponse<String> confirm = browser.get("/requests/" + request.id().value() + "/cancel");

    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("<label for=\"cancel-reason\">Reason for cancelling</label>")
        .contains("<button type=\"submit\" class=\"primary\">Cancel the request</button>");
    assertThat(orders.read(request).status()).isEqualTo(RequestStatus.PROCESSING);
  }

  @Test
  void aConfirmedCancellationCancelsWithTheReason() {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    browser.get("/requests/" + request.id().value() + "/cancel");

    HttpResponse<String> cancelled =
        browser.post(
            "/requests/" + request.id().value() + "/cancel", Map.of("reason", "ordered twice"));

    assertThat(cancelled.statusCode()).isEqualTo(303);
    assertThat(cancelled.headers().firstValue("Location"))
        .contains("/requests/" + request.id().value());
    assertThat(orders.read(request).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(orders.read(request).history().last().note()).isEqualTo("ordered twice");
  }

  @Test
  void aCancellationWithoutAReasonIsAskedAgain() {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    browser.get("/requests/" + request.id().value() + "/cancel");

    HttpResponse<String> refused =
        browser.post("/requests/" + request.id().value() + "/cancel", Map.of("reason", "  "));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("aria-invalid=\"true\" aria-describedby=\"cancel-reason-error\"")
        .contains("Say why the request is cancelled.");
    assertThat(orders.read(request).status()).isEqualTo(RequestStatus.PROCESSING);
  }

  @Test
  void aCancellationWithoutTheFormsTokenIsRefused() {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);

    HttpResponse<String> refused =
        browser.post(
            "/requests/" + request.id().value() + "/cancel",
            Map.of("reason", "ordered twice", "csrf", "forged"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(orders.read(request).status()).isEqualTo(RequestStatus.PROCESSING);
  }

  @Test
  void aStoredDocumentIsOfferedForDownloadWithTheFilesInside() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("certificato.pdf", "%PDF-1.7 residenza");
    files.put("firma.p7m", "signed");
    CertificateRequest request = orders.fulfil(orders.place(Browser.ALICE, Orders.PLAIN), files);

    String page = browser.get("/requests/" + request.id().value()).body();

    assertThat(page)
        .contains(
            "<a class=\"download\" href=\"/requests/"
                + request.id().value()
                + "/document\" download>Download</a>")
        .containsSubsequence(
            "<td>certificato.pdf</td><td>18 bytes</td>", "<td>firma.p7m</td><td>6 bytes</td>");
  }

  @Test
  void theDownloadIsTheArchiveAsAnAttachment() {
    Map<String, String> files = Map.of("certificato.pdf", "%PDF-1.7 residenza");
    CertificateRequest request = orders.fulfil(orders.place(Browser.ALICE, Orders.PLAIN), files);
    byte[] archive = Orders.zip(files);

    HttpResponse<byte[]> download =
        new SessionClient(browser).download("/requests/" + request.id().value() + "/document");

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).contains("application/zip");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            value -> assertThat(value).startsWith("attachment; filename=\"").endsWith(".zip\""));
    assertThat(download.headers().firstValue("Content-Length"))
        .contains(Integer.toString(archive.length));
    assertThat(download.body()).isEqualTo(archive);
  }
}

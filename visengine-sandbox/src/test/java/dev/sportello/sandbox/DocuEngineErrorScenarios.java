package dev.sportello.sandbox;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One way to provoke each documented error of the DocuEngine API, keyed like the vendor's
 * description: {@code "METHOD /path STATUS"} with the vendor's path templates.
 */
final class DocuEngineErrorScenarios {

  static final String UNKNOWN_ID = "0123456789abcdef01234567";
  static final String MALFORMED_ID = "t56yh843827583475g875hgj";

  private static final Map<String, Function<SandboxHttp, Response>> SCENARIOS = scenarios();

  private DocuEngineErrorScenarios() {}

  static Optional<Function<SandboxHttp, Response>> forKey(String key) {
    return Optional.ofNullable(SCENARIOS.get(key));
  }

  private static Map<String, Function<SandboxHttp, Response>> scenarios() {
    Map<String, Function<SandboxHttp, Response>> all = new LinkedHashMap<>();
    all.put(
        "GET /requests 404",
        api -> {
          try (SandboxHttp empty = SandboxHttp.start()) {
            return empty.get("/requests");
          }
        });
    all.put(
        "POST /requests 400",
        api -> api.post("/requests", "{\"documentId\":\"" + UNKNOWN_ID + "\"}"));
    all.put(
        "POST /requests 402",
        api -> api.withBalance("1", () -> api.post("/requests", closedStatuto())));
    all.put(
        "POST /requests 406",
        api ->
            api.post(
                "/requests",
                "{\"documentId\":\"%s\",\"search\":\"%s\"}"
                    .formatted(SandboxHttp.STATUTO, SandboxHttp.COMPANY_VAT)));
    all.put(
        "POST /requests 417",
        api -> whileStatutoIsUnavailable(api, () -> api.post("/requests", closedStatuto())));
    all.put(
        "POST /requests 422",
        api ->
            api.post(
                "/requests",
                "{\"documentId\":\"%s\",\"search\":{\"field0\":\"%s\"}}"
                    .formatted(
                        SandboxHttp.BILANCIO_OTTICO, RegisterFilings.COMPANY_FOUNDED_THIS_YEAR)));
    all.put(
        "POST /requests 428",
        api ->
            api.post(
                "/requests",
                "{\"documentId\":\"%s\",\"state\":\"NEW\",\"callback\":{\"url\":\"https://example.com/hook\",\"field\":\"data\",\"method\":\"POST\"}}"
                    .formatted(SandboxHttp.STATUTO)));
    all.put("GET /requests/{id} 404", api -> api.get("/requests/" + UNKNOWN_ID));
    all.put("GET /requests/{id} 406", api -> api.get("/requests/" + MALFORMED_ID));
    all.put(
        "PATCH /requests/{id} 400",
        api -> api.patch("/requests/" + api.draft(SandboxHttp.STATUTO), "{}"));
    all.put(
        "PATCH /requests/{id} 402",
        api -> {
          String draft = api.draft(SandboxHttp.STATUTO);
          return api.withBalance(
              "0", () -> api.patch("/requests/" + draft, "{\"state\":\"SEARCH\"}"));
        });
    all.put(
        "PATCH /requests/{id} 406",
        api -> api.patch("/requests/" + MALFORMED_ID, "{\"state\":\"SEARCH\"}"));
    all.put(
        "PATCH /requests/{id} 417",
        api -> {
          String draft = api.draft(SandboxHttp.STATUTO);
          return whileStatutoIsUnavailable(
              api, () -> api.patch("/requests/" + draft, "{\"state\":\"SEARCH\"}"));
        });
    all.put(
        "PATCH /requests/{id} 422",
        api -> api.patch("/requests/" + api.request(closedStatuto()), "{\"resultId\":\"x\"}"));
    all.put(
        "PATCH /requests/{id} 428",
        api ->
            api.patch(
                "/requests/" + api.draft(SandboxHttp.BILANCIO_OTTICO), "{\"resultId\":\"\"}"));
    all.put(
        "GET /requests/{id}/documents 404",
        api -> api.get("/requests/" + UNKNOWN_ID + "/documents"));
    all.put(
        "GET /requests/{id}/documents 406",
        api -> api.get("/requests/" + MALFORMED_ID + "/documents"));
    all.put(
        "GET /requests/{id}/documents 422",
        api -> api.get("/requests/" + api.draft(SandboxHttp.STATUTO) + "/documents"));
    return all;
  }

  static String closedStatuto() {
    return "{\"documentId\":\"%s\",\"search\":{\"field0\":\"%s\"}}"
        .formatted(SandboxHttp.STATUTO, SandboxHttp.COMPANY_VAT);
  }

  private static Response whileStatutoIsUnavailable(SandboxHttp api, Supplier<Response> call) {
    api.put("/_sandbox/documents/" + SandboxHttp.STATUTO, "{\"available\":false}");
    try {
      return call.get();
    } finally {
      api.put("/_sandbox/documents/" + SandboxHttp.STATUTO, "{\"available\":true}");
    }
  }
}

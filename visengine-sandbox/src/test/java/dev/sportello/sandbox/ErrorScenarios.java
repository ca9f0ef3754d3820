package dev.sportello.sandbox;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One way to provoke each documented error of the Visengine API, keyed like the vendor's
 * description: {@code "METHOD /path STATUS"} with the vendor's path templates.
 */
final class ErrorScenarios {

  private static final String UNKNOWN_ID = "0123456789abcdef01234567";
  private static final String MALFORMED_ID = "t56yh843827583475g875hgj";

  private static final Map<String, Function<SandboxHttp, Response>> SCENARIOS = scenarios();

  private ErrorScenarios() {}

  static Optional<Function<SandboxHttp, Response>> forKey(String key) {
    return Optional.ofNullable(SCENARIOS.get(key));
  }

  private static Map<String, Function<SandboxHttp, Response>> scenarios() {
    Map<String, Function<SandboxHttp, Response>> all = new LinkedHashMap<>();
    all.put(
        "GET /visure/{hash_visura} 400", api -> api.get("/visure/notAProductHashOfThirtyTwoChars"));
    all.put(
        "GET /richiesta 404",
        api -> {
          try (SandboxHttp empty = SandboxHttp.start()) {
            return empty.get("/richiesta");
          }
        });
    all.put(
        "POST /richiesta 400",
        api ->
            api.post(
                "/richiesta",
                "{\"hash_visura\":\"%s\",\"json_visura\":%s,\"email_target\":\"not-an-email\"}"
                    .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS)));
    all.put(
        "POST /richiesta 402",
        api ->
            api.withBalance(
                "1",
                () ->
                    api.post(
                        "/richiesta",
                        "{\"hash_visura\":\"%s\",\"json_visura\":%s}"
                            .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS))));
    all.put(
        "POST /richiesta 412",
        api ->
            api.post(
                "/richiesta",
                "{\"hash_visura\":\"%s\",\"json_visura\":{\"$0\":\"1378273\"}}"
                    .formatted(SandboxHttp.COMPANY_REPORT)));
    all.put("POST /richiesta 428", api -> api.post("/richiesta", "{\"json_visura\":{}}"));
    all.put("GET /richiesta/{_id} 400", api -> api.get("/richiesta/" + MALFORMED_ID));
    all.put("GET /richiesta/{_id} 404", api -> api.get("/richiesta/" + UNKNOWN_ID));
    all.put(
        "POST /richiesta/{_id} 400",
        api -> api.post("/richiesta/" + MALFORMED_ID, "{\"json_visura\":{\"$0\":\"x\"}}"));
    all.put(
        "POST /richiesta/{_id} 402",
        api -> {
          String id = api.searchFor("alfa");
          return api.withBalance(
              "0.10", () -> api.post("/richiesta/" + id, "{\"json_visura\":{\"$0\":\"beta\"}}"));
        });
    all.put(
        "POST /richiesta/{_id} 404",
        api -> {
          String draft = api.create(SandboxHttp.COMPANY_SEARCH, "{\"$0\":\"alfa\"}", "\"state\":0");
          return api.post("/richiesta/" + draft, "{\"json_visura\":{\"$0\":\"beta\"}}");
        });
    all.put(
        "POST /richiesta/{_id} 409",
        api -> {
          String id = api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);
          return api.post("/richiesta/" + id, "{\"json_visura\":{\"$0\":\"beta\"}}");
        });
    all.put(
        "POST /richiesta/{_id} 412",
        api ->
            api.post(
                "/richiesta/" + api.searchFor("alfa"),
                "{\"json_visura\":{\"$0\":\"\",\"$1\":\"\"}}"));
    all.put(
        "POST /richiesta/{_id} 428", api -> api.post("/richiesta/" + api.searchFor("alfa"), "{}"));
    all.put(
        "PUT /richiesta/{_id} 400",
        api ->
            api.put(
                "/richiesta/" + api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS),
                "{\"json_visura.$0\":\"1\"}"));
    all.put(
        "PUT /richiesta/{_id} 404", api -> api.put("/richiesta/" + UNKNOWN_ID, "{\"state\":1}"));
    all.put(
        "PUT /richiesta/{_id} 412",
        api ->
            api.put(
                "/richiesta/" + api.create(SandboxHttp.COMPANY_REPORT, "{}", "\"state\":0"),
                "{\"state\":1}"));
    all.put("PUT /richiesta/{_id} 428", api -> api.put("/richiesta", "{\"state\":1}"));
    all.put("PUT /richiesta/{_id}/ricerche 400", api -> choose(api, api.searchFor("alfa"), -1));
    all.put(
        "PUT /richiesta/{_id}/ricerche 402",
        api -> {
          String id = api.searchFor("alfa");
          return api.withBalance("0", () -> choose(api, id, 0));
        });
    all.put(
        "PUT /richiesta/{_id}/ricerche 404",
        api ->
            api.put(
                "/richiesta/" + UNKNOWN_ID + "/ricerche", "{\"id_ricerca\":\"x\",\"indice\":0}"));
    all.put(
        "PUT /richiesta/{_id}/ricerche 409",
        api -> choose(api, api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS), 0));
    all.put(
        "PUT /richiesta/{_id}/ricerche 428",
        api -> api.put("/richiesta/" + api.searchFor("alfa") + "/ricerche", "{}"));
    all.put("GET /documento/{_id} 400", api -> api.get("/documento/" + MALFORMED_ID));
    all.put("GET /documento/{_id} 404", api -> api.get("/documento/" + UNKNOWN_ID));
    all.put(
        "GET /documento/{_id} 422",
        api ->
            api.get(
                "/documento/"
                    + api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS)));
    all.put("GET /documento/{_id} 428", api -> api.get("/documento"));
    return all;
  }

  static Response choose(SandboxHttp api, String id, int index) {
    return api.put(
        "/richiesta/" + id + "/ricerche",
        "{\"id_ricerca\":\"" + id + "_0\",\"indice\":" + index + "}");
  }
}

package dev.sportello.bootstrap;

import io.vavr.control.Option;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** What {@code serve} prints once it is ready: where everything is, and which mode it runs in. */
final class Banner {
  private Banner() {}

  static void print(PrintWriter out, Service service, Duration startup) {
    Config config = service.config();
    URI api = service.baseUrl();
    out.println();
    switch (config.upstream()) {
      case Config.Upstream.Sandbox ignored -> {
        out.println(
            "  SPORTELLO — SANDBOX: requests go to the embedded simulator of Visengine and"
                + " DocuEngine; nothing real is ordered or paid for.");
        out.println();
        for (OpenapiEngine engine : OpenapiEngine.values()) {
          out.println("  " + padded(engine.displayName()) + "the embedded sandbox");
        }
      }
      case Config.Upstream.Openapi openapi -> {
        out.println("  SPORTELLO — OPENAPI: requests go to the engines below.");
        out.println();
        for (OpenapiEngine engine : OpenapiEngine.values()) {
          out.println(
              "  "
                  + padded(engine.displayName())
                  + describe(engine, openapi.engines().get(engine), openapi.account()));
        }
        openapi
            .account()
            .forEach(account ->
                out.println(
                    "  Account     "
                        + account.oauthUrl()
                        + "   mints the token \""
                        + config.tokenPolicy().name()
                        + "\" and renews it"));
      }
    }
    out.println("  API         " + api + "/api/v1   (docs " + api + "/docs)");
    out.println("  Console     " + api + "/   (sign in with an API key)");
    service
        .generatedApiKey()
        .forEach(key ->
            out.println(
                "  API key     "
                    + key
                    + "   (shown only now; set SPORTELLO_API_KEY to choose one)"));
    if (config.sandboxMode() && service.generatedApiKey().isEmpty()) {
      out.println("  API key     the one in SPORTELLO_API_KEY");
    }
    service
        .sandbox()
        .forEach(sandbox ->
            out.println(
                "  Sandbox     "
                    + sandbox.baseUrl()
                    + "   token "
                    + sandbox.token()
                    + "   (Visengine and DocuEngine; control API under /_sandbox)"));
    out.println("  Database    " + Stores.describe(config));
    out.println("  Data        " + config.dataDir().toAbsolutePath().normalize());
    out.println(
        "  Webhooks    "
            + (config.publicUrl().isDefined() || config.sandboxMode()
                ? "on"
                : "off (set SPORTELLO_PUBLIC_URL); the sync cycle follows requests every "
                    + config.syncInterval().toSeconds()
                    + " s"));
    out.println("  Metrics     " + api + "/metrics");
    out.println("  Ready in    " + startup.toMillis() + " ms");
    out.println();
    out.flush();
  }

  /** The name in the banner's first column. */
  private static String padded(String name) {
    return String.format(Locale.ROOT, "%-12s", name);
  }

  private static String describe(
      OpenapiEngine engine, Option<Config.EngineAccess> access, Option<Config.Account> account) {
    if (access.isEmpty()) {
      return account.isDefined()
          ? "off (set " + engine.url().variable() + " to use it with the account)"
          : "off (set "
              + engine.token().variable()
              + ", or the account's "
              + Setting.OPENAPI_EMAIL.variable()
              + " and "
              + Setting.OPENAPI_API_KEY.variable()
              + ", to use it)";
    }
    URI baseUrl = access.get().baseUrl();
    if (baseUrl.equals(engine.productionHost())) {
      return baseUrl + " (Openapi production: requests are real and charged)";
    }
    if (baseUrl.equals(engine.testHost())) {
      return baseUrl + " (Openapi test host)";
    }
    return baseUrl.toString();
  }
}

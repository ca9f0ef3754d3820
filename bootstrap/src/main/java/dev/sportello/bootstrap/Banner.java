package dev.sportello.bootstrap;

import dev.sportello.adapter.visengine.VisengineSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/** What {@code serve} prints once it is ready: where everything is, and which mode it runs in. */
final class Banner {
  private Banner() {}

  static void print(PrintWriter out, Service service, Duration startup) {
    Config config = service.config();
    URI api = service.baseUrl();
    out.println();
    switch (config.upstream()) {
      case Config.Upstream.Sandbox ignored ->
          out.println(
              "  SPORTELLO — SANDBOX: requests go to the embedded Visengine simulator;"
                  + " nothing real is ordered or paid for.");
      case Config.Upstream.Visengine remote ->
          out.println(
              "  SPORTELLO — VISENGINE at " + remote.baseUrl() + hostNote(remote.baseUrl()));
    }
    out.println();
    out.println("  API         " + api + "/api/v1   (docs " + api + "/docs)");
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
                    + "   (control API under /_sandbox)"));
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

  private static String hostNote(URI baseUrl) {
    if (baseUrl.equals(VisengineSettings.PRODUCTION)) {
      return " (Openapi production: requests are real and charged)";
    }
    if (baseUrl.equals(VisengineSettings.TEST)) {
      return " (Openapi test host)";
    }
    return "";
  }
}

package dev.sportello.bootstrap;

import dev.sportello.adapter.docuengine.DocuEngineSettings;
import dev.sportello.adapter.visengine.VisengineSettings;
import io.vavr.collection.List;
import java.net.URI;

/**
 * The engines of Openapi's that the service can use, each with its settings and the hosts that
 * {@code test} and {@code production} name.
 */
enum OpenapiEngine {
  VISENGINE(
      "Visengine",
      Setting.VISENGINE_URL,
      Setting.VISENGINE_TOKEN,
      VisengineSettings.TEST,
      VisengineSettings.PRODUCTION),
  DOCUENGINE(
      "DocuEngine",
      Setting.DOCUENGINE_URL,
      Setting.DOCUENGINE_TOKEN,
      DocuEngineSettings.TEST,
      DocuEngineSettings.PRODUCTION);

  private final String displayName;
  private final Setting url;
  private final Setting token;
  private final URI testHost;
  private final URI productionHost;

  OpenapiEngine(String displayName, Setting url, Setting token, URI testHost, URI productionHost) {
    this.displayName = displayName;
    this.url = url;
    this.token = token;
    this.testHost = testHost;
    this.productionHost = productionHost;
  }

  /** Such as {@code DocuEngine}. */
  String displayName() {
    return displayName;
  }

  Setting url() {
    return url;
  }

  Setting token() {
    return token;
  }

  URI testHost() {
    return testHost;
  }

  URI productionHost() {
    return productionHost;
  }

  /** What a token must permit for the engine's adapter, on the test or the production hosts. */
  List<String> scopes(boolean testEnvironment) {
    return List.ofAll(
        switch (this) {
          case VISENGINE -> VisengineSettings.scopes(testEnvironment);
          case DOCUENGINE -> DocuEngineSettings.scopes(testEnvironment);
        });
  }
}

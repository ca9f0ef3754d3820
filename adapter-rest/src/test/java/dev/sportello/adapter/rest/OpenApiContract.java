package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The hand-written OpenAPI document as the contract: finds the operation a response answers, checks
 * that its status and media type are declared, and validates JSON bodies against the declared
 * schema with networknt's JSON Schema validator (OpenAPI 3.1 dialect).
 */
final class OpenApiContract {
  private static final String BASE_IRI = "https://sportello.test/openapi.json";

  static final OpenApiContract INSTANCE = new OpenApiContract();

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract() {
    byte[] yaml = Operations.resource(Operations.OPENAPI_RESOURCE);
    this.document = YAMLMapper.builder().build().readTree(yaml);
    String json = JsonMapper.builder().build().writeValueAsString(document);
    this.registry =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(BASE_IRI, json)));
  }

  JsonNode document() {
    return document;
  }

  /** Every path and method the document declares, as {@code "GET /path"}. */
  List<String> operations() {
    List<String> operations = new ArrayList<>();
    for (var path : document.get("paths").properties()) {
      for (var method : path.getValue().properties()) {
        if (!method.getKey().equals("parameters")) {
          operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return operations;
  }

  /** Fails the test unless the response is one the document declares. */
  void check(String method, String rawPath, int status, String contentType, byte[] body) {
    String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
    String template = template(path);
    String media = contentType.split(";", -1)[0].strip().toLowerCase(Locale.ROOT);
    if (template == null
        || !document.get("paths").get(template).has(method.toLowerCase(Locale.ROOT))) {
      assertThat(status)
          .as("%s %s is not in the document, so only 404 or 405 may answer it", method, path)
          .isIn(404, 405);
      validate("#/components/schemas/Problem", body, method + " " + path);
      return;
    }
    String operation = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT);
    JsonNode responses =
        document.get("paths").get(template).get(method.toLowerCase(Locale.ROOT)).get("responses");
    JsonNode response = responses.get(Integer.toString(status));
    String pointer = operation + "/responses/" + status;
    if (response == null) {
      fail("%s %s answered %d, which the document does not declare", method, template, status);
      return;
    }
    if (response.has("$ref")) {
      pointer = response.get("$ref").asString().substring(1);
      response = resolve(pointer);
    }
    JsonNode content = response.get("content");
    if (content == null) {
      assertThat(body).as("%s %s %d declares no body", method, template, status).isEmpty();
      return;
    }
    assertThat(content.has(media))
        .as(
            "%s %s %d answered %s, declared: %s",
            method, template, status, media, content.propertyNames())
        .isTrue();
    if (media.endsWith("json")) {
      validate(
          "#" + pointer + "/content/" + escape(media) + "/schema",
          body,
          method + " " + template + " " + status);
    }
  }

  /** Fails the test unless the body validates against the schema at the pointer. */
  void validate(String pointer, byte[] body, String what) {
    Schema schema =
        schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE_IRI + p)));
    JsonNode json;
    try {
      json = JsonMapper.builder().build().readTree(body);
    } catch (RuntimeException notJson) {
      fail("%s: the body is not JSON", what);
      return;
    }
    List<Error> errors = schema.validate(json);
    assertThat(errors).as("%s: %s does not match %s", what, json, pointer).isEmpty();
  }

  private JsonNode resolve(String pointer) {
    return document.at(pointer);
  }

  private @Nullable String template(String path) {
    for (var entry : document.get("paths").properties()) {
      String regex =
          Pattern.quote(entry.getKey())
              .replace("{name}", "\\E.+\\Q")
              .replaceAll("\\{[A-Za-z]+}", "\\\\E[^/]+\\\\Q");
      if (path.matches(regex)) {
        return entry.getKey();
      }
    }
    return null;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}

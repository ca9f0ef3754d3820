package dev.sportello.sandbox;

import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DocuEngine's HTTP surface, served beside Visengine's on the same port: {@code /documents} and
 * {@code /requests…}, which no Visengine path shares; and, on a listener of its own (another
 * origin, as the vendor's cloud storage is), the signed-URL storage the files are downloaded from
 * ({@value SignedStorage#PATH}…, which takes no bearer token and refuses one).
 */
final class DocuEngineApi {

  static final String STORAGE_ROUTE = "GET " + SignedStorage.PATH + "{file}";

  /** The host of DocuEngine's test environment, which the sandbox plays, in scopes. */
  static final String HOST = "test.docuengine.openapi.com";

  /** DocuEngine's API routes, behind bearer tokens with their scopes. */
  static final List<String> API_ROUTES =
      List.of(
          "GET /documents",
          "GET /requests",
          "POST /requests",
          "GET /requests/{id}",
          "PATCH /requests",
          "PATCH /requests/{id}",
          "GET /requests/{id}/documents");

  /** DocuEngine's routes and the storage's, which are also the names faults are armed with. */
  static final List<String> ROUTES =
      Stream.concat(API_ROUTES.stream(), Stream.of(STORAGE_ROUTE)).toList();

  private final DocuEngineSimulator simulator;
  private final SignedStorage storage;

  DocuEngineApi(DocuEngineSimulator simulator, SignedStorage storage) {
    this.simulator = simulator;
    this.storage = storage;
  }

  DocuEngineSimulator simulator() {
    return simulator;
  }

  /** The API routes; download URLs point at the storage on {@code storagePort}. */
  void register(HttpApi api, JavalinConfig config, int storagePort) {
    api.route(config, "GET /documents", call -> Reply.ok(Envelope.success(simulator.documents())));
    api.route(config, "GET /requests", call -> Reply.ok(Envelope.success(simulator.list())));
    api.route(
        config,
        "POST /requests",
        call -> Reply.ok(Envelope.success(simulator.create(call.body()))));
    api.route(
        config, "GET /requests/{id}", call -> Reply.ok(Envelope.success(simulator.get(call.id()))));
    api.route(config, "PATCH /requests", call -> Reply.error(ApiError.PATCH_ID_REQUIRED.error()));
    api.route(
        config,
        "PATCH /requests/{id}",
        call -> Reply.ok(Envelope.success(simulator.patch(call.id(), call.body()))));
    api.route(
        config,
        "GET /requests/{id}/documents",
        call -> Reply.ok(Envelope.success(downloads(call, storagePort))));
  }

  /** The storage's one route, on its own listener. */
  void registerStorage(HttpApi api, JavalinConfig config) {
    api.unauthenticatedRoute(config, STORAGE_ROUTE, this::download);
  }

  /**
   * Each file with a URL signed now (every call hands out a fresh one), on the storage's port of
   * the host the API was called on.
   */
  private ArrayNode downloads(HttpApi.Call call, int storagePort) {
    List<DocuFile> files = simulator.files(call.id());
    String storageHost = call.hostName() + ":" + storagePort;
    ArrayNode list = Json.NODES.arrayNode();
    for (DocuFile file : files) {
      SignedStorage.SignedUrl url =
          storage.sign(call.scheme(), storageHost, file.fileName(), simulator.now());
      ObjectNode entry = list.addObject();
      entry.put("fileName", file.fileName());
      entry.put("mimeType", DocuFile.MIME_TYPE);
      entry.put("fileSize", Long.toString(file.size()));
      entry.put("md5", file.md5());
      entry.put("urlExpire", url.expires().getEpochSecond());
      entry.put("downloadUrl", url.url());
    }
    return list;
  }

  private Reply download(HttpApi.Call call) {
    String fileName = call.param("file");
    Optional<SignedStorage.Refusal> refusal =
        storage.refusal(
            fileName, call.rawQuery(), call.host(), call.carriesAuthorization(), simulator.now());
    Optional<DocuFile> file = simulator.file(fileName);
    if (refusal.isEmpty() && file.isEmpty()) {
      refusal = Optional.of(SignedStorage.noSuchKey());
    }
    if (refusal.isPresent()) {
      return refusal.get().reply();
    }
    DocuFile found = file.orElseThrow();
    return new Reply.Raw(
        200,
        DocuFile.MIME_TYPE,
        Map.of("x-goog-hash", "md5=" + found.md5()),
        found.size(),
        found::writeTo);
  }
}

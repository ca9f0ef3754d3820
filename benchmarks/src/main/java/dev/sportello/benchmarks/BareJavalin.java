package dev.sportello.benchmarks;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The yardstick for the REST API's throughput: Javalin configured as the REST adapter configures it
 * (virtual threads, the Jackson 3 mapper), answering {@code GET /bare/{id}} with a JSON object and
 * nothing else: no authentication, no store, no mapping.
 *
 * <p>Arguments: the port, and a file holding the JSON object to answer with, which the load script
 * takes from the real {@code GET /api/v1/requests/{id}} so that both write the same body. The
 * object is parsed once and serialised on every request, as the real route serialises its view.
 */
public final class BareJavalin {
  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private BareJavalin() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    JsonMapper mapper = JsonMapper.builder().build();
    Map<String, Object> body = mapper.readValue(Files.readAllBytes(Path.of(args[1])), JSON_OBJECT);
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.concurrency.useVirtualThreads = true;
              config.jsonMapper(new JavalinJackson3(mapper, true));
              config.jetty.host = "127.0.0.1";
              config.jetty.port = port;
              config.routes.get("/bare/{id}", ctx -> ctx.json(body));
            })
        .start();
  }
}

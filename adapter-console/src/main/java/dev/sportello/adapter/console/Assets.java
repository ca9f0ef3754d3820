package dev.sportello.adapter.console;

import io.javalin.http.Context;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The console's style sheet and scripts, served under {@code /console/} from this module and from
 * the htmx webjars: nothing is loaded from elsewhere. Read once, when the console is built.
 */
final class Assets {
  static final String BASE = "/console";

  private static final String OWN = "/dev/sportello/adapter/console/assets/";
  private static final String CSS = "text/css; charset=utf-8";
  private static final String JS = "text/javascript; charset=utf-8";

  private final Map<String, Asset> byName;

  private static final class Asset {
    private final String contentType;
    private final byte[] content;

    Asset(String contentType, byte[] content) {
      this.contentType = contentType;
      this.content = content;
    }
  }

  Assets() {
    String htmx = webjar("htmx.org");
    String sse = webjar("htmx-ext-sse");
    this.byName =
        LinkedHashMap.of(
            "console.css", new Asset(CSS, read(OWN + "console.css")),
            "console.js", new Asset(JS, read(OWN + "console.js")),
            "htmx.min.js", new Asset(JS, read(htmx + "dist/htmx.min.js")),
            "sse.js", new Asset(JS, read(sse + "sse.js")));
  }

  void register(Routes routes) {
    routes.file(BASE + "/{asset}", this::serve);
  }

  private void serve(Context ctx) {
    Asset asset = byName.get(ctx.pathParam("asset")).getOrNull();
    if (asset == null) {
      ctx.status(404);
      return;
    }
    ctx.header("Cache-Control", "max-age=3600");
    ctx.contentType(asset.contentType);
    ctx.result(asset.content);
  }

  /** Where a webjar's files are, by its version in its Maven descriptor. */
  private static String webjar(String artifact) {
    Properties pom = new Properties();
    String descriptor = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    try (InputStream in = open(descriptor)) {
      pom.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return "/META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/";
  }

  private static byte[] read(String resource) {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = Assets.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the console is built without " + resource);
    }
    return in;
  }
}

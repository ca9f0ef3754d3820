package dev.sportello.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store serves one process: a second one on the same data dir stops at start. */
class SingleInstanceTest {
  @TempDir Path dataDir;

  @Test
  void aSecondServiceOnTheSameDataDirectoryStopsAtStartAndSaysWhy() throws Exception {
    Map<String, String> environment =
        Map.of(
            "SPORTELLO_DATA_DIR",
            dataDir.resolve("store").toString(),
            "SPORTELLO_HTTP_HOST",
            "127.0.0.1",
            "SPORTELLO_HTTP_PORT",
            "0");
    ServiceProcess first = ServiceProcess.start(environment, dataDir.resolve("first.log"));
    try {
      assertThatThrownBy(() -> ServiceProcess.start(environment, dataDir.resolve("second.log")))
          .hasMessageContaining("the service ended on start")
          .hasMessageContaining("another process uses the store in " + dataDir.resolve("store"));
      Http.Reply ready =
          new Http(Duration.ofSeconds(10))
              .send("GET", first.baseUrl().resolve("/health/ready"), "none", "");
      assertThat(ready.status()).as(ready.text()).isEqualTo(200);
    } finally {
      first.stop();
    }
  }
}

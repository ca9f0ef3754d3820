package com.example.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program, run as a team would run it, against the Visengine sandbox. The sandbox's operators
 * take an hour a step, so nothing moves until the test advances the sandbox's clock; the program's
 * first sync cycle is a day away, so only upstream's notifications can tell it that things moved.
 */
class OrderCertificateTest {
  private static final Pattern ORDERED =
      Pattern.compile("ordered (req_[A-Za-z0-9_-]+) \\(Visengine's ([0-9a-f]{24})\\): PROCESSING");

  @TempDir Path data;

  @Test
  void theProgramOrdersTheCertificateOnceHearsOfItsIssueByNotificationAndSavesItsArchive()
      throws Exception {
    Lines lines = new Lines();
    Path output = data.resolve("residence.zip");
    ExecutorService program = Executors.newSingleThreadExecutor();
    try (VisengineSandbox sandbox =
        VisengineSandbox.start(SandboxSettings.defaults().withStepDelay(Duration.ofHours(1)))) {
      Future<Integer> exit =
          program.submit(() ->
              OrderCertificate.run(
                  new OrderCertificate.Settings(
                      sandbox.baseUrl(),
                      sandbox.token(),
                      "a secret of at least thirty-two characters",
                      data,
                      output,
                      Duration.ofDays(1)),
                  new PrintStream(lines, true, StandardCharsets.UTF_8)));

      String first = lines.next();
      assertThat(first).as("the first line says what was ordered").matches(ORDERED);
      Matcher ordered = ORDERED.matcher(first);
      assertThat(ordered.matches()).isTrue();
      sandbox.advance(Duration.ofHours(3)); // the operators' three steps, done at once

      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(lines.next()).startsWith("saved ").endsWith(" to " + output);
      assertThat(sandbox.chargesFor(ordered.group(2)).calls()).isEqualTo(1);
      assertThat(entries(output)).singleElement().asString().endsWith(".pdf");
      try (var kept = Files.list(data.resolve("certificates").resolve(ordered.group(1)))) {
        assertThat(kept)
            .singleElement()
            .satisfies(file -> assertThat(file).hasSameBinaryContentAs(output));
      }
    }
  }

  private static java.util.List<String> entries(Path zip) throws IOException {
    java.util.List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  /** What the program prints, line by line, as it prints it. */
  private static final class Lines extends OutputStream {
    private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        printed.add(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(b);
      }
    }

    /** The next line, waiting for it a while. */
    String next() throws InterruptedException {
      String next = printed.poll(30, TimeUnit.SECONDS);
      assertThat(next).as("a line printed within 30 s").isNotNull();
      return next;
    }
  }
}

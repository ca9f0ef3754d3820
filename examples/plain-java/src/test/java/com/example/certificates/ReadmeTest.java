package com.example.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding the library" section quotes this example: a block that starts with its
 * {@code package} line is a whole file, any other an excerpt, and each names its file on the line
 * before it. A project of one's own made from the section alone must compile, so the program's
 * every file is quoted whole.
 */
class ReadmeTest {
  private static final Path MODULE = Path.of("");
  private static final Path README = MODULE.resolve("../../README.md");
  private static final Pattern QUOTED =
      Pattern.compile("examples/plain-java/(src/[^`)\\s]+\\.java)");
  private static final Pattern ARTIFACT =
      Pattern.compile("<artifactId>(sportello-[a-z-]+)</artifactId>");

  /** One quoted block: the file it names, and its text. */
  private record Quote(Path file, String text) {
    boolean whole() {
      return text.startsWith("package ");
    }
  }

  @Test
  void everyQuotedFileIsTheExamplesFileCharacterForCharacter() throws IOException {
    List<Quote> whole = quotes().stream().filter(Quote::whole).toList();

    assertThat(whole).isNotEmpty();
    for (Quote quote : whole) {
      assertThat(quote.text()).as("%s", quote.file()).isEqualTo(Files.readString(quote.file()));
    }
  }

  @Test
  void everyExcerptIsInItsFileAsQuoted() throws IOException {
    List<Quote> excerpts = quotes().stream().filter(quote -> !quote.whole()).toList();

    assertThat(excerpts).isNotEmpty();
    for (Quote quote : excerpts) {
      assertThat(Files.readString(quote.file())).as("%s", quote.file()).contains(quote.text());
    }
  }

  @Test
  void theProgramIsQuotedWholeSoThatItCanBeBuiltFromTheReadmeAlone() throws IOException {
    List<Path> program;
    try (var files = Files.list(MODULE.resolve("src/main/java/com/example/certificates"))) {
      program =
          files.filter(file -> !file.endsWith("package-info.java")).map(Path::normalize).toList();
    }

    assertThat(quotes().stream().filter(Quote::whole).map(quote -> quote.file().normalize()))
        .containsAll(program);
  }

  @Test
  void theDependenciesTheReadmeNamesAreTheExamplesOwn() throws IOException {
    String pom = Files.readString(MODULE.resolve("pom.xml"));
    Matcher named = ARTIFACT.matcher(section());
    List<String> artifacts = new ArrayList<>();
    while (named.find()) {
      artifacts.add(named.group(1));
    }

    assertThat(artifacts).isNotEmpty();
    assertThat(artifacts).allSatisfy(artifact -> assertThat(pom).contains(artifact));
  }

  /** The section, up to the next section of the same level. */
  private static String section() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("\n## Embedding the library\n");
    assertThat(start).as("the README has the section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The Java blocks of the section that name a file of this example. */
  private static List<Quote> quotes() throws IOException {
    List<String> lines = section().lines().toList();
    List<Quote> quotes = new ArrayList<>();
    String named = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.equals("```java")) {
        int end = lines.subList(i + 1, lines.size()).indexOf("```") + i + 1;
        Matcher file = QUOTED.matcher(named);
        if (file.find()) {
          String text =
              lines.subList(i + 1, end).stream()
                  .map(row -> row + "\n")
                  .collect(Collectors.joining());
          quotes.add(new Quote(MODULE.resolve(file.group(1)), text));
        }
        i = end;
      } else if (!line.isBlank()) {
        named = line;
      }
    }
    return quotes;
  }
}

package com.example.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding the library" section quotes this example: a block that starts with its
 * {@code package} line is a whole file, any other an excerpt, and each names its file on the line
 * before it. Its {@code pom.xml}, with the example's files, is a project of one's own: it names the
 * example's dependencies, at the versions this build uses.
 */
class ReadmeTest {
  private static final Path MODULE = Path.of("");
  private static final Path README = MODULE.resolve("../../README.md");
  private static final Pattern QUOTED =
      Pattern.compile("examples/plain-java/(src/[^`)\\s]+\\.java)");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([a-z.-]+)</artifactId>");
  private static final Pattern PINNED =
      Pattern.compile("<artifactId>([a-z.-]+)</artifactId>\\s*<version>([^<]+)</version>");
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([a-z.-]+)}");

  /** Pinned in the README under one name, in this build under another. */
  private static final Map<String, String> BUILT_AS =
      Map.of("sportello-bom", "sportello-parent", "junit-jupiter", "junit-bom");

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
  void thePomNamesTheExamplesDependencies() throws IOException {
    List<String> examples = artifacts(dependencies(Files.readString(MODULE.resolve("pom.xml"))));
    List<String> readmes = artifacts(dependencies(pom()));

    assertThat(examples).isNotEmpty();
    assertThat(readmes).containsAll(examples);
    assertThat(readmes.stream().filter(artifact -> artifact.startsWith("sportello-")))
        .allSatisfy(artifact -> assertThat(examples).contains(artifact));
  }

  @Test
  void everyVersionThePomPinsIsTheOneThisBuildUses() throws IOException {
    String build =
        Files.readString(MODULE.resolve("pom.xml"))
            + Files.readString(MODULE.resolve("../../pom.xml"));
    String pom = pom();
    Matcher pinned = PINNED.matcher(pom.substring(pom.indexOf("<properties>")));
    int checked = 0;
    while (pinned.find()) {
      String builtAs = BUILT_AS.getOrDefault(pinned.group(1), pinned.group(1));
      assertThat(pinned.group(2)).as("%s", pinned.group(1)).isEqualTo(versionIn(build, builtAs));
      checked++;
    }
    assertThat(checked).as("pinned versions").isGreaterThan(5);
  }

  /** The version of the artifact's first declaration in the build. */
  private static String versionIn(String build, String artifact) {
    Matcher declared = PINNED.matcher(build);
    while (declared.find()) {
      if (declared.group(1).equals(artifact)) {
        return resolved(declared.group(2), build);
      }
    }
    throw new AssertionError(artifact + " is not in this build");
  }

  /** A version, its property replaced by the property's value. */
  private static String resolved(String version, String build) {
    Matcher property = PROPERTY.matcher(version);
    if (!property.matches()) {
      return version;
    }
    String name = property.group(1);
    int start = build.indexOf("<" + name + ">");
    assertThat(start).as("the build sets %s", name).isNotNegative();
    return build.substring(start + name.length() + 2, build.indexOf("</" + name + ">", start));
  }

  /** The whole {@code pom.xml} the section shows. */
  private static String pom() throws IOException {
    String section = section();
    int start = section.indexOf("```xml\n<?xml");
    assertThat(start).as("the section shows a whole pom.xml").isNotNegative();
    return section.substring(start, section.indexOf("\n```\n", start));
  }

  /** A pom's own dependencies, not those it manages. */
  private static String dependencies(String pom) {
    int start = pom.indexOf("\n  <dependencies>");
    assertThat(start).as("the pom has dependencies").isNotNegative();
    return pom.substring(start, pom.indexOf("\n  </dependencies>", start));
  }

  private static List<String> artifacts(String text) {
    Matcher named = ARTIFACT.matcher(text);
    List<String> artifacts = new ArrayList<>();
    while (named.find()) {
      artifacts.add(named.group(1));
    }
    return artifacts;
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

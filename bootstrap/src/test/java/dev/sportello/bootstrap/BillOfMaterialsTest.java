package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The BOM ({@code bom/pom.xml}) lists every artifact that the reactor publishes, at the reactor's
 * version, and nothing else of ours. A module is published unless it is an aggregator ({@code pom}
 * packaging) or it, or a parent of it in this repository, sets {@code maven.deploy.skip}, as
 * bootstrap and the benchmarks do.
 */
class BillOfMaterialsTest {
  private static final Path REPOSITORY = Path.of("..");

  @Test
  void theBomListsEveryPublishedModule() {
    assertThat(missingFromTheBom(REPOSITORY)).isEmpty();
  }

  @Test
  void everyArtifactTheBomListsIsMadeByAPublishedModule() {
    assertThat(strangersInTheBom(REPOSITORY)).isEmpty();
  }

  @Test
  void theBomListsTheFakesAndContractsOfTheApplicationForTests() {
    assertThat(pom(REPOSITORY.resolve("bom/pom.xml")).managed())
        .contains("sportello-application:test-jar");
  }

  @Test
  void theBomHasTheReactorsVersionAndManagesOurArtifactsAtIt() {
    Pom bom = pom(REPOSITORY.resolve("bom/pom.xml"));

    assertThat(bom.version()).isEqualTo(pom(REPOSITORY.resolve("pom.xml")).version());
    assertThat(bom.managedVersions()).containsOnly("dev.sportello:${project.version}");
  }

  @Test
  void aPublishedModuleMissingFromTheBomIsNamed(@TempDir Path repository) throws IOException {
    coreInTheBomBeside(repository, "tools", "");

    assertThat(missingFromTheBom(repository)).containsExactly("sportello-tools");
  }

  @Test
  void aModuleThatSkipsDeploymentNeedNotBeInTheBom(@TempDir Path repository) throws IOException {
    coreInTheBomBeside(repository, "service", "<maven.deploy.skip>true</maven.deploy.skip>");

    assertThat(missingFromTheBom(repository)).isEmpty();
  }

  @Test
  void aBomEntryThatNoModuleMakesIsNamed(@TempDir Path repository) throws IOException {
    coreInTheBomBeside(repository, "tools", "");
    write(repository, "bom/pom.xml", bom("sportello-core", "sportello-tools", "sportello-renamed"));

    assertThat(strangersInTheBom(repository)).containsExactly("sportello-renamed");
  }

  @Test
  void aBomEntryOfAModuleThatSkipsDeploymentIsNamed(@TempDir Path repository) throws IOException {
    coreInTheBomBeside(repository, "service", "<maven.deploy.skip>true</maven.deploy.skip>");
    write(repository, "bom/pom.xml", bom("sportello-core", "sportello-service"));

    assertThat(strangersInTheBom(repository)).containsExactly("sportello-service");
  }

  @Test
  void theTestJarIsTheOnlyOtherTypeOfAPublishedModuleTheBomMayList(@TempDir Path repository)
      throws IOException {
    coreInTheBomBeside(repository, "tools", "");
    write(
        repository,
        "bom/pom.xml",
        bom("sportello-core", "sportello-tools", "sportello-core:test-jar", "sportello-tools:zip"));

    assertThat(strangersInTheBom(repository)).containsExactly("sportello-tools:zip");
  }

  @Test
  void modulesOfProfilesAndOfNestedAggregatorsCount(@TempDir Path repository) throws IOException {
    write(
        repository,
        "pom.xml",
        parent(
            "<modules><module>group</module></modules><profiles><profile><id>extra</id>"
                + "<modules><module>extra</module></modules></profile></profiles>"));
    write(
        repository,
        "group/pom.xml",
        "<project><artifactId>sportello-group</artifactId><packaging>pom</packaging>"
            + "<modules><module>inner</module></modules></project>");
    write(repository, "group/inner/pom.xml", module("sportello-inner", ""));
    write(repository, "extra/pom.xml", module("sportello-extra", ""));
    write(repository, "bom/pom.xml", bom());

    assertThat(missingFromTheBom(repository))
        .containsExactlyInAnyOrder("sportello-inner", "sportello-extra");
  }

  /** The artifact ids of published modules that the BOM does not manage. */
  private static Set<String> missingFromTheBom(Path repository) {
    Set<String> missing = publishedArtifactIds(repository);
    missing.removeAll(pom(repository.resolve("bom/pom.xml")).managed());
    return missing;
  }

  /**
   * What the BOM manages that no published module makes, such as a renamed module; the test-jar of
   * a published module is the only other type it may list.
   */
  private static Set<String> strangersInTheBom(Path repository) {
    Set<String> published = publishedArtifactIds(repository);
    Set<String> strangers = new TreeSet<>();
    for (String managed : pom(repository.resolve("bom/pom.xml")).managed()) {
      if (!published.contains(managed.replaceFirst(":test-jar$", ""))) {
        strangers.add(managed);
      }
    }
    return strangers;
  }

  private static Set<String> publishedArtifactIds(Path repository) {
    Set<String> published = new TreeSet<>();
    for (Path module : modules(repository)) {
      if (published(module)) {
        published.add(pom(module.resolve("pom.xml")).artifactId());
      }
    }
    return published;
  }

  /** Every module of the reactor, of its profiles and of nested aggregators, outermost first. */
  private static List<Path> modules(Path aggregator) {
    List<Path> found = new ArrayList<>();
    for (String name : pom(aggregator.resolve("pom.xml")).modules()) {
      Path module = aggregator.resolve(name).normalize();
      found.add(module);
      found.addAll(modules(module));
    }
    return found;
  }

  private static boolean published(Path module) {
    return !pom(module.resolve("pom.xml")).packaging().equals("pom")
        && !deploySkipped(module.resolve("pom.xml"));
  }

  /** Whether the POM or a parent of it in this repository sets {@code maven.deploy.skip}. */
  private static boolean deploySkipped(Path pomFile) {
    Pom pom = pom(pomFile);
    if (pom.skipsDeploy()) {
      return true;
    }
    return pom.parentPath()
        .map(relative -> pomFile.resolveSibling(relative).normalize())
        .map(parent -> Files.isDirectory(parent) ? parent.resolve("pom.xml") : parent)
        .filter(Files::isRegularFile)
        .map(BillOfMaterialsTest::deploySkipped)
        .orElse(false);
  }

  /** What the checks read of a POM. */
  private record Pom(Element project) {
    String artifactId() {
      return text(project, "artifactId", "");
    }

    String version() {
      return text(project, "version", "");
    }

    String packaging() {
      return text(project, "packaging", "jar");
    }

    boolean skipsDeploy() {
      return child(project, "properties")
          .map(properties -> text(properties, "maven.deploy.skip", "false").equals("true"))
          .orElse(false);
    }

    /** The parent's POM as {@code relativePath} gives it, by default {@code ../pom.xml}. */
    Optional<String> parentPath() {
      return child(project, "parent").map(parent -> text(parent, "relativePath", "../pom.xml"));
    }

    /** The module directories, the project's own and those of its profiles. */
    List<String> modules() {
      List<String> names = new ArrayList<>(children(project, "modules", "module"));
      for (Element profile : children(child(project, "profiles"), "profile")) {
        names.addAll(children(profile, "modules", "module"));
      }
      return names;
    }

    /** Each managed artifact id, and {@code id:type} for another type than jar. */
    Set<String> managed() {
      Set<String> ids = new TreeSet<>();
      for (Element dependency : managedDependencies()) {
        String type = text(dependency, "type", "jar");
        ids.add(text(dependency, "artifactId", "") + (type.equals("jar") ? "" : ":" + type));
      }
      return ids;
    }

    /** Each managed dependency's {@code groupId:version}. */
    Set<String> managedVersions() {
      Set<String> versions = new TreeSet<>();
      for (Element dependency : managedDependencies()) {
        versions.add(text(dependency, "groupId", "") + ":" + text(dependency, "version", ""));
      }
      return versions;
    }

    private List<Element> managedDependencies() {
      return children(
          child(project, "dependencyManagement").flatMap(section -> child(section, "dependencies")),
          "dependency");
    }
  }

  private static Pom pom(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(file.toFile());
      return new Pom(document.getDocumentElement());
    } catch (ParserConfigurationException | SAXException | IOException unreadable) {
      throw new AssertionError("cannot read " + file, unreadable);
    }
  }

  private static Optional<Element> child(Element parent, String name) {
    return elements(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst();
  }

  private static List<String> children(Element parent, String list, String item) {
    return children(child(parent, list), item).stream().map(Node::getTextContent).toList();
  }

  private static List<Element> children(Optional<Element> parent, String name) {
    return parent.stream()
        .flatMap(element -> elements(element).stream())
        .filter(element -> element.getTagName().equals(name))
        .toList();
  }

  private static List<Element> elements(Element parent) {
    var nodes = parent.getChildNodes();
    return IntStream.range(0, nodes.getLength())
        .mapToObj(nodes::item)
        .filter(Element.class::isInstance)
        .map(Element.class::cast)
        .toList();
  }

  private static String text(Element parent, String name, String absent) {
    return child(parent, name).map(element -> element.getTextContent().trim()).orElse(absent);
  }

  /** A reactor of {@code core}, which the BOM lists, and another module, which it does not. */
  private static void coreInTheBomBeside(Path repository, String other, String otherProperties)
      throws IOException {
    write(
        repository,
        "pom.xml",
        parent("<modules><module>core</module><module>" + other + "</module></modules>"));
    write(repository, "core/pom.xml", module("sportello-core", ""));
    write(repository, other + "/pom.xml", module("sportello-" + other, otherProperties));
    write(repository, "bom/pom.xml", bom("sportello-core"));
  }

  private static void write(Path repository, String file, String content) throws IOException {
    Path path = repository.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }

  private static String parent(String modules) {
    return "<project><artifactId>sportello-parent</artifactId><version>1.0</version>"
        + "<packaging>pom</packaging>"
        + modules
        + "</project>";
  }

  private static String module(String artifactId, String properties) {
    return "<project><parent><artifactId>sportello-parent</artifactId></parent><artifactId>"
        + artifactId
        + "</artifactId><properties>"
        + properties
        + "</properties></project>";
  }

  /** A BOM managing each of our artifacts, given as its id or as {@code id:type}. */
  private static String bom(String... artifacts) {
    StringBuilder managed = new StringBuilder();
    for (String artifact : artifacts) {
      String[] idAndType = artifact.split(":", 2);
      managed
          .append("<dependency><groupId>dev.sportello</groupId><artifactId>")
          .append(idAndType[0])
          .append("</artifactId><version>${project.version}</version>")
          .append(idAndType.length == 2 ? "<type>" + idAndType[1] + "</type>" : "")
          .append("</dependency>");
    }
    return "<project><artifactId>sportello-bom</artifactId><version>1.0</version>"
        + "<packaging>pom</packaging><dependencyManagement><dependencies>"
        + managed
        + "</dependencies></dependencyManagement></project>";
  }
}

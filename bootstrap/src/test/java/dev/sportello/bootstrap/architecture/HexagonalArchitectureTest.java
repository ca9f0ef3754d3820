package dev.sportello.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.origin;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.originOwner;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.targetOwner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.conditions.ArchConditions.accessFieldWhere;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.Slice;
import dev.sportello.application.service.UseCases;
import dev.sportello.bootstrap.Main;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The architecture as executable rules. None can pass vacuously: every rule fails when it finds no
 * class to check, and {@link PlantedViolationsTest} shows each one catching a class planted to
 * break it. Rules name the adapters' parent package only, so a new adapter is covered as it is.
 */
@AnalyzeClasses(
    packages = HexagonalArchitectureTest.ROOT,
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      HexagonalArchitectureTest.NoTestJars.class
    })
class HexagonalArchitectureTest {

  static final String ROOT = "dev.sportello";
  static final String DOMAIN = ROOT + ".domain..";
  static final String APPLICATION = ROOT + ".application..";
  static final String PORT_IN = ROOT + ".application.port.in..";
  static final String PORT_OUT = ROOT + ".application.port.out..";
  static final String SERVICE = ROOT + ".application.service..";
  static final String BOOTSTRAP = ROOT + ".bootstrap..";
  static final String ADAPTER = ROOT + ".adapter..";

  /** Openapi's HTTP conventions, shared by the engine adapters: a library of theirs, no adapter. */
  static final String OPENAPI_HTTP = ROOT + ".adapter.openapi..";

  /**
   * The engine adapters and the Openapi account's, the only ones that see {@link #OPENAPI_HTTP}.
   */
  static final String VISENGINE = ROOT + ".adapter.visengine..";

  static final String DOCUENGINE = ROOT + ".adapter.docuengine..";

  static final String ACCOUNT = ROOT + ".adapter.account..";

  static final String SANDBOX = ROOT + ".sandbox..";

  /**
   * The packages of {@link PlantedViolationsTest}'s classes: {@code planted}, {@code plantedother}…
   */
  static final String PLANTED = "dev\\.sportello\\..*\\.planted\\w*\\..*";

  /** Maven test-jars are not excluded by {@link ImportOption.DoNotIncludeTests}. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule domain_depends_only_on_jdk_and_vavr =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(DOMAIN, "java..", "io.vavr..", "org.jspecify.annotations..")
          .because("the domain is pure: no Jackson, Feign, MapStruct, JDBC or framework types")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule application_depends_only_on_domain_jdk_and_vavr =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              APPLICATION,
              DOMAIN,
              "java..",
              "javax.crypto..",
              "io.vavr..",
              "org.jspecify.annotations..")
          .because("use cases see the domain and the ports, never a technology")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule core_has_no_io_or_framework_types =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "com.fasterxml.jackson..",
                      "tools.jackson..",
                      "feign..",
                      "org.mapstruct..",
                      "java.sql..",
                      "javax.sql..",
                      "java.net..",
                      "java.nio.file..",
                      "org.springframework..",
                      "jakarta..",
                      "javax.inject..")
                  .or(
                      belongToAnyOf(
                          File.class,
                          FileInputStream.class,
                          FileOutputStream.class,
                          FileReader.class,
                          FileWriter.class,
                          RandomAccessFile.class)))
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule ports_do_not_depend_on_services =
      noClasses()
          .that()
          .resideInAnyPackage(PORT_IN, PORT_OUT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(SERVICE)
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule inbound_and_outbound_ports_are_independent =
      noClasses()
          .that()
          .resideInAPackage(PORT_IN)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PORT_OUT)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage(SERVICE)
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule outbound_ports_do_not_know_use_cases =
      noClasses()
          .that()
          .resideInAPackage(PORT_OUT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PORT_IN)
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule use_cases_are_interfaces =
      classes()
          .that()
          .resideInAPackage(PORT_IN)
          .and()
          .haveSimpleNameEndingWith("UseCase")
          .should()
          .beInterfaces()
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule commands_and_queries_are_records =
      classes()
          .that()
          .resideInAPackage(PORT_IN)
          .and()
          .haveNameMatching(".*(Command|Query)")
          .should()
          .beRecords()
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule ports_hold_only_interfaces_and_values =
      classes()
          .that()
          .resideInAnyPackage(PORT_IN, PORT_OUT)
          .and()
          .doNotHaveFullyQualifiedName(HexagonalArchitectureTest.RANDOM_REQUEST_IDS)
          .and()
          .areNotRecords()
          .and()
          .areNotEnums()
          .should()
          .beInterfaces()
          .because(
              "a port is a contract: interfaces and the values they carry; the one implementation"
                  + " beside them is the package-private one behind RequestIds.random()")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule services_are_not_public =
      classes()
          .that()
          .resideInAPackage(SERVICE)
          .and()
          .haveSimpleNameEndingWith("Service")
          .should()
          .notBePublic()
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule only_the_factory_and_its_inputs_are_public_in_services =
      classes()
          .that()
          .resideInAPackage(SERVICE)
          .and()
          .arePublic()
          .should()
          .haveSimpleNameStartingWith("UseCases")
          .orShould()
          .haveSimpleNameStartingWith("Application")
          .orShould()
          .haveSimpleName("WebhookUseCases")
          .orShould()
          .haveSimpleName("WebhookSettings")
          .because(
              "adapters reach use cases through the inbound ports that UseCases hands out; the"
                  + " webhook use cases are a second, separate composition (WebhookUseCases and its"
                  + " WebhookSettings), so that embedders who need no webhooks build UseCases as"
                  + " before")
          .allowEmptyShould(false);

  /** Every way to read the wall clock that the JDK offers without being handed a clock. */
  private static final DescribedPredicate<JavaAccess<?>> READS_THE_WALL_CLOCK =
      target(name("now"))
          .and(targetOwner(resideInAPackage("java.time")))
          .or(
              target(nameStartingWith("system"))
                  .and(targetOwner(assignableTo(InstantSource.class))))
          .or(target(name("currentTimeMillis")).and(targetOwner(equivalentTo(System.class))))
          .as("read the wall clock");

  /**
   * The production request ids behind {@code RequestIds.random()}: drawn from a secure random
   * source, and passed into the core by whoever builds it, as the system clock is.
   */
  static final String RANDOM_REQUEST_IDS = ROOT + ".application.port.out.RandomRequestIds";

  /** The JDK's shortcuts to a random generator that the code never names. */
  private static final DescribedPredicate<JavaAccess<?>> DRAWS_FROM_A_HIDDEN_GENERATOR =
      target(name("randomUUID"))
          .and(targetOwner(equivalentTo(UUID.class)))
          .or(target(name("random")).and(targetOwner(equivalentTo(Math.class))))
          .as("draw a random id or number");

  @ArchTest
  static final ArchRule core_reads_no_clock_and_draws_no_random_numbers =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .and()
          .doNotHaveFullyQualifiedName(RANDOM_REQUEST_IDS)
          .should()
          .accessTargetWhere(READS_THE_WALL_CLOCK)
          .orShould()
          .accessTargetWhere(DRAWS_FROM_A_HIDDEN_GENERATOR)
          .orShould()
          .dependOnClassesThat(assignableTo(RandomGenerator.class))
          .allowEmptyShould(false)
          .because(
              "time and ids are passed into the core, so that tests set them; the composition root"
                  + " and the adapters choose the system clock and the random sources (such as"
                  + " RequestIds.random(), the production ids a caller passes in)."
                  + " System.nanoTime() stays allowed: it times calls for metrics and tells no"
                  + " date");

  @ArchTest
  static final ArchRule domain_is_immutable =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .and()
          .arePublic()
          .and()
          .areNotInterfaces()
          .and()
          .areNotEnums()
          .should()
          .haveOnlyFinalFields()
          .because(
              "the model is made of values; only package-private machinery confined to one call,"
                  + " such as a parser's cursor, may hold mutable state")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule domain_slices_are_acyclic =
      slices().matching(ROOT + ".domain.(*)..").should().beFreeOfCycles().allowEmptyShould(false);

  @ArchTest
  static final ArchRule top_level_slices_are_acyclic =
      slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().allowEmptyShould(false);

  @ArchTest
  static final ArchRule nothing_depends_on_the_composition_root =
      noClasses()
          .that()
          .resideOutsideOfPackage(BOOTSTRAP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BOOTSTRAP)
          .because("bootstrap wires everything; nothing may reach back into it")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule adapters_see_only_the_ports_and_the_domain_of_sportello =
      classes()
          .that()
          .resideInAPackage(ADAPTER)
          .should()
          .onlyDependOnClassesThat(
              resideOutsideOfPackage(ROOT + "..")
                  .or(resideInAnyPackage(PORT_IN, PORT_OUT, DOMAIN, ADAPTER))
                  .or(equivalentTo(UseCases.class)))
          .because(
              "an adapter drives or implements ports; an inbound one takes the inbound ports from"
                  + " UseCases, and never sees a service")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule adapters_do_not_see_each_other =
      slices()
          .matching(ROOT + ".adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(
              resideInAnyPackage(VISENGINE, DOCUENGINE, ACCOUNT), resideInAPackage(OPENAPI_HTTP))
          .because(
              "each adapter can be swapped without touching the others; only the engine adapters"
                  + " and the Openapi account's share Openapi's HTTP conventions, which see no"
                  + " adapter")
          .allowEmptyShould(false);

  /**
   * The adapters of Openapi's two engines and of the Openapi account behind them, by the name of
   * their package under {@code adapter}.
   */
  private static final DescribedPredicate<Slice> ENGINE_ADAPTERS =
      DescribedPredicate.describe(
          "are the adapters of the Visengine and DocuEngine engines and of the Openapi account",
          slice -> Set.of("visengine", "docuengine", "account").contains(slice.getNamePart(1)));

  @ArchTest
  static final ArchRule the_engine_adapters_do_not_see_each_other =
      slices()
          .matching(ROOT + ".adapter.(*)..")
          .that(ENGINE_ADAPTERS)
          .should()
          .notDependOnEachOther()
          .because(
              "each engine's wire format lives in its own adapter, either engine can be enabled"
                  + " without the other, and the account hands the engines a token without"
                  + " knowing them")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule the_sandbox_sees_no_sportello_module =
      classes()
          .that()
          .resideInAPackage(SANDBOX)
          .should()
          .onlyDependOnClassesThat(
              resideOutsideOfPackage(ROOT + "..").or(resideInAPackage(SANDBOX)))
          .because(
              "the sandbox is written from the published API alone, so that it can catch our"
                  + " mistakes instead of repeating them")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule only_bootstrap_builds_the_use_cases =
      noClasses()
          .that()
          .resideOutsideOfPackages(BOOTSTRAP, APPLICATION)
          .should()
          .callMethodWhere(target(name("create")).and(targetOwner(equivalentTo(UseCases.class))))
          .allowEmptyShould(false)
          .because("the composition root alone wires the services to the adapters");

  @ArchTest
  static final ArchRule the_command_line_is_reached_only_through_main =
      classes()
          .that()
          .resideInAPackage(BOOTSTRAP)
          .and()
          .areTopLevelClasses()
          .and()
          .arePublic()
          .should()
          .haveSimpleName("Main")
          .because("the commands are run through Main, and tests run them in-process")
          .allowEmptyShould(false);

  /**
   * {@link GeneralCodingRules#ACCESS_STANDARD_STREAMS}, except where {@code Main.main} hands {@code
   * System.out} and {@code System.err} to the commands as writers.
   */
  private static final ArchCondition<JavaClass> ACCESS_STANDARD_STREAMS_OUTSIDE_MAIN =
      accessFieldWhere(
              targetOwner(equivalentTo(System.class))
                  .and(target(name("out").or(name("err"))))
                  .and(not(originOwner(equivalentTo(Main.class)).and(origin(name("main"))))))
          .or(
              callMethodWhere(
                  JavaCall.Predicates.target(name("printStackTrace"))
                      .and(JavaCall.Predicates.target(owner(assignableTo(Throwable.class))))
                      .and(JavaCall.Predicates.target(rawParameterTypes(new Class<?>[0])))))
          .as("access standard streams");

  @ArchTest
  static final ArchRule no_std_streams =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.sportello.sandbox.SandboxMain")
          .should(ACCESS_STANDARD_STREAMS_OUTSIDE_MAIN)
          .because(
              "output goes through loggers or the writers that the entry points hand the commands"
                  + " (the service's, as picocli's would be); only the standalone sandbox's own"
                  + " entry point prints its banner")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule planted_violations_never_reach_the_real_checks =
      noClasses()
          .should()
          .haveNameMatching(PLANTED)
          .allowEmptyShould(false)
          .because("the classes planted to prove the rules are test classes, never imported here");

  @ArchTest
  static final ArchRule no_generic_exceptions =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.allowEmptyShould(false);

  @ArchTest
  static final ArchRule no_jul =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.allowEmptyShould(false);

  @ArchTest
  static final ArchRule no_old_dates =
      GeneralCodingRules.OLD_DATE_AND_TIME_CLASSES_SHOULD_NOT_BE_USED.allowEmptyShould(false);
}

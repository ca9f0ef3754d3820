package dev.sportello.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;

/**
 * The architecture as executable rules. Every rule selects classes that exist (ArchUnit fails a
 * rule whose subject is empty), so none of them can pass vacuously.
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
  static final String SANDBOX = ROOT + ".sandbox..";

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
          .because("the domain is pure: no Jackson, Feign, MapStruct, JDBC or framework types");

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
          .because("use cases see the domain and the ports, never a technology");

  @ArchTest
  static final ArchRule core_has_no_io_or_framework_types =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.fasterxml.jackson..",
              "tools.jackson..",
              "feign..",
              "org.mapstruct..",
              "java.sql..",
              "javax.sql..",
              "java.net..",
              "java.nio.file..",
              "java.io.File",
              "java.io.FileInputStream",
              "java.io.FileOutputStream",
              "org.springframework..",
              "jakarta..",
              "javax.inject..");

  @ArchTest
  static final ArchRule ports_do_not_depend_on_services =
      noClasses()
          .that()
          .resideInAnyPackage(PORT_IN, PORT_OUT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(SERVICE);

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
          .resideInAPackage(SERVICE);

  @ArchTest
  static final ArchRule outbound_ports_do_not_know_use_cases =
      noClasses()
          .that()
          .resideInAPackage(PORT_OUT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PORT_IN);

  @ArchTest
  static final ArchRule use_cases_are_interfaces =
      classes()
          .that()
          .resideInAPackage(PORT_IN)
          .and()
          .haveSimpleNameEndingWith("UseCase")
          .should()
          .beInterfaces();

  @ArchTest
  static final ArchRule commands_and_queries_are_records =
      classes()
          .that()
          .resideInAPackage(PORT_IN)
          .and()
          .haveNameMatching(".*(Command|Query)")
          .should()
          .beRecords();

  @ArchTest
  static final ArchRule ports_hold_only_interfaces_and_values =
      classes()
          .that()
          .resideInAnyPackage(PORT_IN, PORT_OUT)
          .and()
          .areNotRecords()
          .and()
          .areNotEnums()
          .should()
          .beInterfaces()
          .because("a port is a contract: interfaces and the values they carry");

  @ArchTest
  static final ArchRule services_are_not_public =
      classes()
          .that()
          .resideInAPackage(SERVICE)
          .and()
          .haveSimpleNameEndingWith("Service")
          .should()
          .notBePublic();

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
          .because("adapters reach use cases through the inbound ports that UseCases hands out");

  @ArchTest
  static final ArchRule core_reads_no_clock_and_draws_no_random_numbers =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .should()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(java.time.LocalDate.class, "now")
          .orShould()
          .callMethod(java.time.LocalDateTime.class, "now")
          .orShould()
          .callMethod(java.util.UUID.class, "randomUUID")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.Random")
          .because("time and ids are passed into the domain");

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
                  + " such as a parser's cursor, may hold mutable state");

  @ArchTest
  static final ArchRule domain_slices_are_acyclic =
      slices().matching(ROOT + ".domain.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule top_level_slices_are_acyclic =
      slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nothing_depends_on_the_composition_root =
      noClasses()
          .that()
          .resideOutsideOfPackage(BOOTSTRAP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BOOTSTRAP)
          .because("bootstrap wires everything; nothing may reach back into it");

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
                  + " UseCases, and never sees a service");

  @ArchTest
  static final ArchRule adapters_do_not_see_each_other =
      slices()
          .matching(ROOT + ".adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .because("each adapter can be swapped without touching the others");

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
                  + " mistakes instead of repeating them");

  @ArchTest
  static final ArchRule only_bootstrap_builds_the_use_cases =
      noClasses()
          .that()
          .resideOutsideOfPackages(BOOTSTRAP, APPLICATION)
          .should()
          .callMethod(UseCases.class, "create", ApplicationPorts.class, ApplicationSettings.class)
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
          .because("the commands are run through Main, and tests run them in-process");

  @ArchTest
  static final ArchRule no_std_streams =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.sportello.sandbox.SandboxMain")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because(
              "output goes through loggers or picocli's writers; only the standalone sandbox's"
                  + " own entry point prints its banner");

  @ArchTest
  static final ArchRule no_generic_exceptions =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  @ArchTest
  static final ArchRule no_jul = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  @ArchTest
  static final ArchRule no_old_dates =
      GeneralCodingRules.OLD_DATE_AND_TIME_CLASSES_SHOULD_NOT_BE_USED;
}

package dev.sportello.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.sportello.adapter.account.planted.PlantedInTheAccountAdapter;
import dev.sportello.adapter.console.planted.PlantedInTheConsole;
import dev.sportello.adapter.docuengine.planted.PlantedInTheDocuEngineAdapter;
import dev.sportello.adapter.micrometer.planted.PlantedInTheMicrometerAdapter;
import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.adapter.planted.PlantedInAnAdapter;
import dev.sportello.adapter.plantedother.PlantedInAnotherAdapter;
import dev.sportello.adapter.rest.RestSettings;
import dev.sportello.adapter.visengine.planted.PlantedInTheVisengineAdapter;
import dev.sportello.application.planted.PlantedInTheApplication;
import dev.sportello.application.port.in.planted.PlantedInTheInboundPorts;
import dev.sportello.application.port.out.RequestIds;
import dev.sportello.application.port.out.planted.PlantedInTheOutboundPorts;
import dev.sportello.application.service.planted.PlantedInTheServices;
import dev.sportello.bootstrap.planted.PublicCommand;
import dev.sportello.domain.planted.PlantedInTheDomain;
import dev.sportello.domain.plantedcycle.PlantedInAnotherDomainPackage;
import dev.sportello.sandbox.planted.PlantedInTheSandbox;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every architecture rule meets classes planted to break it, and must fail: a rule that passes here
 * checks nothing. The planted classes live in this module's test sources, in {@code planted…}
 * packages that the real checks never import.
 */
class PlantedViolationsTest {

  /**
   * A rule and the classes planted to break it; the first one is the culprit.
   *
   * @param rule the name of the rule's field in {@link HexagonalArchitectureTest}
   */
  record Planted(String rule, List<Class<?>> classes) {
    @Override
    public String toString() {
      return rule + " catches " + classes.get(0).getSimpleName();
    }
  }

  static Stream<Planted> plantedViolations() {
    return Stream.of(
        planted("domain_depends_only_on_jdk_and_vavr", PlantedInTheDomain.SeesTheApplication.class),
        planted(
            "application_depends_only_on_domain_jdk_and_vavr",
            PlantedInTheApplication.LogsThroughSlf4j.class),
        planted("core_has_no_io_or_framework_types", PlantedInTheDomain.ReadsAFile.class),
        planted("ports_do_not_depend_on_services", PlantedInTheOutboundPorts.SeesTheServices.class),
        planted(
            "inbound_and_outbound_ports_are_independent",
            PlantedInTheInboundPorts.SeesAnOutboundPort.class),
        planted(
            "inbound_and_outbound_ports_are_independent",
            PlantedInTheInboundPorts.SeesTheServices.class),
        planted(
            "outbound_ports_do_not_know_use_cases", PlantedInTheOutboundPorts.SeesAUseCase.class),
        planted("use_cases_are_interfaces", PlantedInTheInboundPorts.PlantedUseCase.class),
        planted("commands_and_queries_are_records", PlantedInTheInboundPorts.PlantedCommand.class),
        planted(
            "ports_hold_only_interfaces_and_values",
            PlantedInTheOutboundPorts.AnImplementation.class),
        planted("services_are_not_public", PlantedInTheServices.PublicService.class),
        planted(
            "only_the_factory_and_its_inputs_are_public_in_services",
            PlantedInTheServices.PublicHelper.class),
        planted(
            "core_reads_no_clock_and_draws_no_random_numbers",
            PlantedInTheDomain.ReadsInstantNow.class),
        planted(
            "core_reads_no_clock_and_draws_no_random_numbers",
            PlantedInTheDomain.ReadsTheSystemClock.class),
        planted(
            "core_reads_no_clock_and_draws_no_random_numbers",
            PlantedInTheDomain.ReadsTheMillisecondClock.class),
        planted(
            "core_reads_no_clock_and_draws_no_random_numbers",
            PlantedInTheDomain.ReadsZonedDateTimeNow.class),
        planted(
            "core_reads_no_clock_and_draws_no_random_numbers",
            PlantedInTheDomain.DrawsASecureRandomNumber.class),
        planted(
            "core_reads_no_clock_and_draws_no_random_numbers",
            PlantedInTheDomain.DrawsARandomId.class),
        planted(
            "core_reads_no_clock_and_draws_no_random_numbers",
            PlantedInTheDomain.DrawsMathRandom.class),
        planted("domain_is_immutable", PlantedInTheDomain.MutableValue.class),
        planted(
            "domain_slices_are_acyclic",
            PlantedInTheDomain.CallsAnotherDomainPackage.class,
            PlantedInAnotherDomainPackage.CallsBack.class),
        planted(
            "top_level_slices_are_acyclic",
            PlantedInTheDomain.CallsTheApplication.class,
            PlantedInTheApplication.CallsTheDomain.class),
        planted(
            "nothing_depends_on_the_composition_root",
            PlantedInAnAdapter.ReachesTheCompositionRoot.class),
        planted(
            "adapters_see_only_the_ports_and_the_domain_of_sportello",
            PlantedInAnAdapter.SeesAServiceInput.class),
        planted(
            "adapters_do_not_see_each_other",
            PlantedInAnAdapter.SeesAnotherAdapter.class,
            PlantedInAnotherAdapter.class),
        planted(
            "adapters_do_not_see_each_other",
            PlantedInAnAdapter.SeesOpenapisHttpConventions.class,
            RetryPolicy.class),
        planted(
            "adapters_do_not_see_each_other",
            PlantedInTheConsole.SeesTheRestAdapter.class,
            RestSettings.class),
        planted(
            "adapters_do_not_see_each_other",
            PlantedInTheMicrometerAdapter.SeesTheRestAdapter.class,
            RestSettings.HttpObserver.class),
        planted(
            "the_engine_adapters_do_not_see_each_other",
            PlantedInTheVisengineAdapter.SeesTheDocuEngineAdapter.class,
            PlantedInTheDocuEngineAdapter.class),
        planted(
            "the_engine_adapters_do_not_see_each_other",
            PlantedInTheDocuEngineAdapter.SeesTheVisengineAdapter.class,
            PlantedInTheVisengineAdapter.class),
        planted(
            "the_engine_adapters_do_not_see_each_other",
            PlantedInTheAccountAdapter.SeesTheVisengineAdapter.class,
            PlantedInTheVisengineAdapter.class),
        planted(
            "the_engine_adapters_do_not_see_each_other",
            PlantedInTheDocuEngineAdapter.SeesTheAccountAdapter.class,
            PlantedInTheAccountAdapter.class),
        planted("the_sandbox_sees_no_sportello_module", PlantedInTheSandbox.SeesTheDomain.class),
        planted("only_bootstrap_builds_the_use_cases", PlantedInAnAdapter.BuildsTheUseCases.class),
        planted("the_command_line_is_reached_only_through_main", PublicCommand.class),
        planted("planted_violations_never_reach_the_real_checks", PublicCommand.class),
        planted("no_std_streams", PlantedInTheDomain.PrintsToStandardOut.class),
        planted("no_std_streams", PlantedInTheDomain.PrintsFromItsMain.class),
        planted("no_generic_exceptions", PlantedInTheDomain.ThrowsAGenericException.class),
        planted("no_jul", PlantedInTheDomain.LogsThroughJavaUtilLogging.class),
        planted("no_old_dates", PlantedInTheDomain.UsesAnOldDate.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plantedViolations")
  void everyRuleCatchesTheClassPlantedToBreakIt(Planted planted) {
    JavaClasses classes = new ClassFileImporter().importClasses(planted.classes());

    EvaluationResult result = rule(planted.rule()).evaluate(classes);

    assertThat(result.hasViolation()).as("%s found no violation", planted.rule()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .as("%s blames the planted class", planted.rule())
        .anyMatch(detail -> detail.contains(planted.classes().get(0).getName()));
  }

  /** The other side of {@code adapters_do_not_see_each_other}'s exception: no false alarm. */
  @Test
  void theAccountAdapterMayUseOpenapisHttpConventions() {
    JavaClasses classes =
        new ClassFileImporter()
            .importClasses(
                PlantedInTheAccountAdapter.UsesOpenapisHttpConventions.class, RetryPolicy.class);

    assertThat(rule("adapters_do_not_see_each_other").evaluate(classes).hasViolation()).isFalse();
  }

  /**
   * The clock-and-random rule excuses one class by name: the one behind {@code
   * RequestIds.random()}, and no other.
   */
  @Test
  void theRandomSourceExcusedFromTheCoreRuleIsTheOneBehindRequestIdsRandom() {
    assertThat(RequestIds.random().getClass().getName())
        .isEqualTo(HexagonalArchitectureTest.RANDOM_REQUEST_IDS);
  }

  @Test
  void everyRuleHasAViolationPlantedForIt() {
    assertThat(plantedViolations().map(Planted::rule).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(rules().map(Named::getName).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everyRuleFailsWhenItFindsNothingToCheck(ArchRule rule) {
    JavaClasses nothing = new ClassFileImporter().importClasses();

    assertThatThrownBy(() -> rule.check(nothing))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }

  static Stream<Named<ArchRule>> rules() {
    return Arrays.stream(HexagonalArchitectureTest.class.getDeclaredFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()))
        .filter(field -> field.getType().equals(ArchRule.class))
        .map(field -> Named.of(field.getName(), read(field)));
  }

  private static ArchRule rule(String name) {
    return rules()
        .filter(rule -> rule.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rule named " + name))
        .getPayload();
  }

  private static ArchRule read(Field field) {
    try {
      return (ArchRule) field.get(null);
    } catch (IllegalAccessException unreadable) {
      throw new AssertionError("cannot read the rule " + field.getName(), unreadable);
    }
  }

  private static Planted planted(String rule, Class<?>... classes) {
    return new Planted(rule, List.of(classes));
  }
}

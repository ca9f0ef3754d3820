package dev.sportello.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Server-side validation the way Visengine does it: the {@code validazione} rule is evaluated over
 * the submitted non-empty values (any {@code $n} key, defined in {@code campi} or not, as the
 * official SDK does with {@code variables[$k] = ($v != NULL)}); each non-empty value of a key that
 * {@code campi} defines must then fit its {@code tipo}. A key defined twice accepts a value that
 * fits either definition.
 */
final class Validation {

  private Validation() {}

  /** Every reason the submission cannot be accepted; empty when it can. */
  static List<String> problems(Product product, Map<String, String> values, Set<String> options) {
    List<String> problems = new ArrayList<>();
    Set<String> present =
        values.entrySet().stream()
            .filter(entry -> !entry.getValue().isBlank())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    if (!product.rule().isSatisfiedBy(present)) {
      Set<String> missing = product.rule().cheapestMissing(present);
      problems.add(
          missing.isEmpty()
              ? "the validazione rule of this product cannot be satisfied"
              : "required " + String.join(", ", missing));
    }
    values.forEach((key, value) -> {
      if (!value.isBlank()) {
        typeProblem(product, key, value).ifPresent(problems::add);
      }
    });
    options.stream()
        .filter(option -> product.extra(option).isEmpty())
        .forEach(option -> problems.add(option + " is not an option of this product"));
    return problems;
  }

  private static Optional<String> typeProblem(Product product, String key, String value) {
    List<Product.Field> definitions = product.definitionsOf(key);
    if (definitions.isEmpty()
        || definitions.stream().anyMatch(field -> field.type().problem(value).isEmpty())) {
      return Optional.empty();
    }
    Product.Field field = definitions.getLast();
    String expected =
        definitions.stream()
            .map(definition -> definition.type().problem(value).orElse(""))
            .distinct()
            .collect(Collectors.joining(" or "));
    return Optional.of(key + " (" + field.label() + ") must be " + expected);
  }
}

package dev.sportello.domain.rule;

/**
 * Canonical text: {@code " && "} and {@code " || "} between parts, parentheses only around an
 * {@link AnyOf} inside an {@link AllOf}, the one place where precedence needs them.
 */
final class Printer {
  private Printer() {}

  static String print(RequirementRule rule) {
    StringBuilder out = new StringBuilder();
    append(rule, out);
    return out.toString();
  }

  private static void append(RequirementRule rule, StringBuilder out) {
    switch (rule) {
      case FieldRef ref -> out.append(ref.key());
      case AnyOf any -> {
        String separator = "";
        for (RequirementRule part : any.parts()) {
          out.append(separator);
          append(part, out);
          separator = " || ";
        }
      }
      case AllOf all -> {
        String separator = "";
        for (RequirementRule part : all.parts()) {
          out.append(separator);
          if (part instanceof AnyOf) {
            out.append('(');
            append(part, out);
            out.append(')');
          } else {
            append(part, out);
          }
          separator = " && ";
        }
      }
    }
  }
}

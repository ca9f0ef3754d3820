package dev.sportello.sandbox;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * One DocuEngine catalogue entry ("document"): what {@code GET /documents} serves for it, read back
 * into what the simulator needs to validate, price and fulfil requests for it.
 *
 * @param served the entry exactly as {@code GET /documents} lists it
 * @param fields the {@code requestStructure.fields} in published order
 * @param rule the {@code requestStructure.validation} expression
 * @param options the priced extras, chosen by name in {@code selectedOptions}
 */
record DocuDocument(
    String id,
    String name,
    boolean hasSearch,
    BigDecimal documentPrice,
    BigDecimal searchPrice,
    List<Option> options,
    List<Field> fields,
    Rule rule,
    ObjectNode served) {

  DocuDocument {
    options = List.copyOf(options);
    fields = List.copyOf(fields);
  }

  /** A priced extra ({@code options[]}). */
  record Option(String name, BigDecimal price) {}

  /** One of the values a field with {@code options} allows: its code and what it means. */
  record Choice(String code, String description) {}

  /**
   * A field of {@code requestStructure.fields}.
   *
   * @param key {@code field0}, {@code field1}, …
   * @param name the English name, which {@code readableSearch} keys the value by
   * @param choices the allowed values when the field has {@code options}; empty when free
   */
  record Field(String key, String name, String type, boolean required, List<Choice> choices) {

    private static final Pattern REA = Pattern.compile("[0-9]{1,8}");

    Field {
      choices = List.copyOf(choices);
    }

    Optional<Choice> choice(String code) {
      return choices.stream().filter(choice -> choice.code().equals(code)).findFirst();
    }

    /** Why a non-empty value does not fit this field, if it does not. */
    Optional<String> problem(String value) {
      String trimmed = value.strip();
      if (!choices.isEmpty()) {
        return choice(trimmed).isPresent()
            ? Optional.empty()
            : Optional.of(
                "one of " + choices.stream().map(Choice::code).collect(Collectors.joining(", ")));
      }
      return switch (type) {
        case "rea" ->
            REA.matcher(trimmed).matches()
                ? Optional.empty()
                : Optional.of("a REA number (up to 8 digits)");
        case "cciaa", "province" -> FieldType.PROVINCE_CODE.problem(trimmed);
        case "taxCode" -> FieldType.TAX_CODE.problem(trimmed);
        case "date" -> FieldType.DATE.problem(trimmed);
        case "email" -> FieldType.EMAIL.problem(trimmed);
        case "file" ->
            isFile(trimmed)
                ? Optional.empty()
                : Optional.of("a file as base64 content or an http(s) URL");
        default -> Optional.empty();
      };
    }

    /** The vendor takes a file's "content encoded in base64 or a directly URL". */
    private static boolean isFile(String value) {
      if (value.startsWith("http://") || value.startsWith("https://")) {
        try {
          return new URI(value).getHost() != null;
        } catch (URISyntaxException malformed) {
          return false;
        }
      }
      int comma = value.startsWith("data:") ? value.indexOf(',') : -1;
      String payload = (comma < 0 ? value : value.substring(comma + 1)).replaceAll("\\s", "");
      try {
        return Base64.getDecoder().decode(payload).length > 0;
      } catch (IllegalArgumentException notBase64) {
        return false;
      }
    }
  }

  Optional<Field> field(String key) {
    return fields.stream().filter(field -> field.key().equals(key)).findFirst();
  }

  /** The field of the given English {@code name} ({@code taxCode}, {@code actGroupCode}, …). */
  Optional<Field> fieldNamed(String fieldName) {
    return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
  }

  Optional<Option> option(String optionName) {
    return options.stream().filter(option -> option.name().equals(optionName)).findFirst();
  }
}

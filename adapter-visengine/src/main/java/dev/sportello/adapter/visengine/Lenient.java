package dev.sportello.adapter.visengine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Deserializers for the type drift in Visengine's answers: flags as booleans, numbers or strings,
 * numbers as strings, texts as numbers, and objects where {@code false} means "none".
 */
final class Lenient {
  private Lenient() {}

  /** {@code true}, {@code 1}, {@code "1"}, {@code "true"} and their opposites; blank is absent. */
  static final class Flag extends ValueDeserializer<Boolean> {
    @Override
    public @Nullable Boolean deserialize(JsonParser p, DeserializationContext ctxt)
        throws JacksonException {
      return switch (p.currentToken()) {
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        case VALUE_NUMBER_INT -> p.getLongValue() != 0;
        case VALUE_NUMBER_FLOAT -> p.getDoubleValue() != 0;
        case VALUE_STRING -> flag(p.getString().strip().toLowerCase(Locale.ROOT), ctxt);
        default -> (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
      };
    }

    private static @Nullable Boolean flag(String text, DeserializationContext ctxt) {
      return switch (text) {
        case "" -> null;
        case "1", "true" -> Boolean.TRUE;
        case "0", "false" -> Boolean.FALSE;
        default ->
            ctxt.reportInputMismatch(
                Boolean.class, "not a flag: a %d-character text", text.length());
      };
    }
  }

  /** A decimal number, or a text holding one (a decimal comma is accepted); blank is absent. */
  static final class Decimal extends ValueDeserializer<BigDecimal> {
    @Override
    public @Nullable BigDecimal deserialize(JsonParser p, DeserializationContext ctxt)
        throws JacksonException {
      return switch (p.currentToken()) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
        case VALUE_STRING -> decimal(p.getString().strip(), ctxt);
        default -> (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
      };
    }

    private static @Nullable BigDecimal decimal(String text, DeserializationContext ctxt) {
      if (text.isEmpty()) {
        return null;
      }
      try {
        return new BigDecimal(text.replace(',', '.'));
      } catch (NumberFormatException notANumber) {
        return ctxt.reportInputMismatch(BigDecimal.class, "not a number");
      }
    }
  }

  /** A whole number, or a text holding one; blank is absent. */
  static final class WholeNumber extends ValueDeserializer<Long> {
    @Override
    public @Nullable Long deserialize(JsonParser p, DeserializationContext ctxt)
        throws JacksonException {
      return switch (p.currentToken()) {
        case VALUE_NUMBER_INT -> p.getLongValue();
        case VALUE_NUMBER_FLOAT -> (long) p.getDoubleValue();
        case VALUE_TRUE -> 1L;
        case VALUE_FALSE -> 0L;
        case VALUE_STRING -> whole(p.getString().strip(), ctxt);
        default -> (Long) ctxt.handleUnexpectedToken(Long.class, p);
      };
    }

    private static @Nullable Long whole(String text, DeserializationContext ctxt) {
      if (text.isEmpty()) {
        return null;
      }
      try {
        return new BigDecimal(text).longValueExact();
      } catch (NumberFormatException | ArithmeticException notWhole) {
        return ctxt.reportInputMismatch(Long.class, "not a whole number");
      }
    }
  }

  /** A text, or a number or flag written as one. */
  static final class Text extends ValueDeserializer<String> {
    @Override
    public @Nullable String deserialize(JsonParser p, DeserializationContext ctxt)
        throws JacksonException {
      return switch (p.currentToken()) {
        case VALUE_STRING -> p.getString();
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getString();
        default -> (String) ctxt.handleUnexpectedToken(String.class, p);
      };
    }
  }

  /** The echo of our webhook: an object, or {@code false} when none was set. */
  static final class CallbackEcho extends ValueDeserializer<Wire.CallbackData> {
    @Override
    public Wire.@Nullable CallbackData deserialize(JsonParser p, DeserializationContext ctxt)
        throws JacksonException {
      return switch (p.currentToken()) {
        case START_OBJECT -> ctxt.readValue(p, Wire.CallbackData.class);
        case VALUE_FALSE, VALUE_TRUE, VALUE_STRING, VALUE_NUMBER_INT -> null;
        case START_ARRAY -> {
          p.skipChildren();
          yield null;
        }
        default -> (Wire.CallbackData) ctxt.handleUnexpectedToken(Wire.CallbackData.class, p);
      };
    }
  }

  /**
   * A form's fields ({@code campi}) in document order, duplicate keys included: read from the token
   * stream, because a tree or a map would keep only one field per key. An array (what PHP writes
   * for an empty object) is read by position.
   */
  static final class Fields extends ValueDeserializer<List<Wire.KeyedField>> {
    @Override
    public List<Wire.KeyedField> deserialize(JsonParser p, DeserializationContext ctxt)
        throws JacksonException {
      List<Wire.KeyedField> fields = new ArrayList<>();
      if (p.currentToken() == JsonToken.START_ARRAY) {
        int index = 0;
        for (JsonToken token = p.nextToken();
            token != JsonToken.END_ARRAY;
            token = p.nextToken(), index++) {
          add(fields, "$" + index, p, ctxt);
        }
        return fields;
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        @SuppressWarnings("unchecked")
        List<Wire.KeyedField> unexpected =
            (List<Wire.KeyedField>) ctxt.handleUnexpectedToken(List.class, p);
        return unexpected;
      }
      for (String key = p.nextName(); key != null; key = p.nextName()) {
        p.nextToken();
        add(fields, key, p, ctxt);
      }
      return fields;
    }

    private static void add(
        List<Wire.KeyedField> fields, String key, JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        return;
      }
      Wire.@Nullable Field field = ctxt.readValue(p, Wire.Field.class);
      if (field != null) {
        fields.add(new Wire.KeyedField(key, field));
      }
    }
  }
}

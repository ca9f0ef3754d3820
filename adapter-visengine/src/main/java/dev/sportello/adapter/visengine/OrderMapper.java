package dev.sportello.adapter.visengine;

import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The total mappings from what the application sends to the wire. */
@Mapper
interface OrderMapper {

  /** How upstream is told to echo our reference in every notification. */
  String CALLBACK_FIELD = "data";

  String CALLBACK_METHOD = "JSON";

  String REFERENCE = "reference";

  @Mapping(target = "hash", source = "order.certificateId.value")
  @Mapping(target = "values", source = "order.values")
  @Mapping(target = "state", source = "state")
  @Mapping(target = "test", source = "test")
  @Mapping(target = "options", source = "order.extraKeys")
  @Mapping(target = "notifyEmail", source = "order.notifyEmail")
  @Mapping(target = "callback", source = "order.callback")
  Wire.NewRequest newRequest(RemoteOrder order, int state, @Nullable Boolean test);

  @Mapping(target = "values", source = "values")
  Wire.NewSearch newSearch(SortedMap<FieldKey, String> values);

  /** Values by wire key ({@code $0}, {@code $1}, …), in key order. */
  default Map<String, String> values(SortedMap<FieldKey, String> values) {
    Map<String, String> wire = new LinkedHashMap<>();
    values.forEach((key, value) -> wire.put(key.toString(), value));
    return wire;
  }

  /** Chosen extras as {@code {"opzione_0": true}}. */
  default Map<String, Boolean> options(List<String> extraKeys) {
    Map<String, Boolean> wire = new LinkedHashMap<>();
    extraKeys.forEach(key -> wire.put(key, Boolean.TRUE));
    return wire;
  }

  default @Nullable String email(Option<String> email) {
    return email.map(String::strip).filter(address -> !address.isEmpty()).getOrNull();
  }

  /**
   * Our webhook: upstream posts the request as JSON to the URL, which carries the request's token
   * as its last path segment (Visengine sends no custom headers), and echoes our reference under
   * {@code data}.
   */
  default Wire.@Nullable CallbackData callback(Option<RemoteOrder.Callback> callback) {
    return callback
        .map(hook ->
            new Wire.CallbackData(
                hook.url() + "/" + hook.token(),
                CALLBACK_METHOD,
                CALLBACK_FIELD,
                Map.<String, Object>of(REFERENCE, hook.reference())))
        .getOrNull();
  }
}

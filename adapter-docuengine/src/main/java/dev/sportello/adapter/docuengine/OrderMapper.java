package dev.sportello.adapter.docuengine;

import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.domain.field.FieldKey;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The total mappings from what the application sends to the wire. */
@Mapper
interface OrderMapper {

  /**
   * Every request is created as a draft: without {@code state} upstream would process it at once,
   * and after a lost answer there would be no way to know whether it did.
   */
  String DRAFT = "NEW";

  /** Upstream posts {@code {"data": <request>}} as JSON. */
  String CALLBACK_METHOD = "JSON";

  /** The header our webhook reads the request's token from. */
  String TOKEN_HEADER = "X-Sportello-Token";

  String REFERENCE = "reference";

  @Mapping(target = "documentId", source = "certificateId.value")
  @Mapping(target = "state", constant = DRAFT)
  @Mapping(target = "search", source = "values")
  @Mapping(target = "selectedOptions", source = "extraKeys")
  @Mapping(target = "notifyEmail", source = "notifyEmail")
  @Mapping(target = "callback", source = "callback")
  Wire.NewRequest newRequest(RemoteOrder order);

  /** Values by wire key ({@code field0}, {@code field1}, …), in key order. */
  default Map<String, String> search(SortedMap<FieldKey, String> values) {
    Map<String, String> wire = new LinkedHashMap<>();
    values.forEach((key, value) -> wire.put(key.toString(), value));
    return wire;
  }

  /** The chosen options by name, as the document lists them. */
  default java.util.List<String> options(List<String> extraKeys) {
    return new ArrayList<>(extraKeys.asJava());
  }

  default @Nullable String email(Option<String> email) {
    return email.map(String::strip).filter(address -> !address.isEmpty()).getOrNull();
  }

  /**
   * Our webhook: upstream posts {@code {"data": <request>}} to the URL with the headers we
   * register, so the request's token travels in a header of ours and never in the URL.
   */
  default Wire.@Nullable Callback callback(Option<RemoteOrder.Callback> callback) {
    return callback
        .map(hook ->
            new Wire.Callback(
                hook.url(),
                CALLBACK_METHOD,
                Map.of(TOKEN_HEADER, hook.token()),
                Map.of(REFERENCE, hook.reference())))
        .getOrNull();
  }
}

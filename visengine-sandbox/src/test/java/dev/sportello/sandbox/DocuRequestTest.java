package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocuRequestTest {

  @Test
  void theEditableFieldsKeptForAnUndoAreACopy() {
    Map<String, String> values = new LinkedHashMap<>(Map.of("field0", "before"));
    List<String> options = new ArrayList<>(List.of("urgenza"));

    DocuRequest.Editable saved = new DocuRequest.Editable(values, options, null, null);
    values.put("field0", "after");
    options.clear();

    assertThat(saved.values()).containsExactly(Map.entry("field0", "before"));
    assertThat(saved.selectedOptions()).containsExactly("urgenza");
  }
}

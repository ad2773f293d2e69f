package dev.patchbay.model.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * One finding of the validator, as data.
 *
 * @param rule the stable id of the rule that found it (e.g. "mac.duplicate")
 * @param message one sentence naming the elements involved
 * @param elements ids of the elements (and links) involved, for selection and badges
 * @param explanation why it will not work, in the terms of the classic QEMU notes
 * @param fixHint what to change, in words, even when no mechanical fix is offered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rule", "severity", "message", "elements", "explanation", "fix"})
public record Diagnostic(
    String rule, Severity severity, String message, List<String> elements, String explanation,
    @com.fasterxml.jackson.annotation.JsonProperty("fix") String fixHint, @JsonIgnore Fix fix) {

  public Diagnostic {
    elements = List.copyOf(elements);
  }

  public static Diagnostic of(String rule, Severity severity, String message, List<String> elements) {
    return new Diagnostic(rule, severity, message, elements, null, null, null);
  }

  public Diagnostic explained(String why, String whatToChange) {
    return new Diagnostic(rule, severity, message, elements, why, whatToChange, fix);
  }

  public Diagnostic withFix(Fix newFix) {
    return new Diagnostic(rule, severity, message, elements, explanation,
        fixHint == null ? newFix.description() : fixHint, newFix);
  }

  @JsonIgnore
  public Optional<Fix> mechanicalFix() {
    return Optional.ofNullable(fix);
  }
}

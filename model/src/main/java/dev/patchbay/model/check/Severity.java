package dev.patchbay.model.check;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad a finding is: an error will not work, a warning may surprise, an info explains. */
public enum Severity {
  ERROR, WARNING, INFO;

  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}

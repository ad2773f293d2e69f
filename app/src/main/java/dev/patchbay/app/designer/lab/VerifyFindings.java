package dev.patchbay.app.designer.lab;

import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.Topology;
import java.util.List;

/**
 * What Verify asks the user to go ahead with before it runs: the validator's errors and warnings on
 * the design. Going ahead runs {@link LabViewModel#verify(Topology, String, boolean, java.util.function.Consumer)}
 * allowing errors; with none, Verify just runs.
 */
public final class VerifyFindings {
  private VerifyFindings() {}

  /** One line each ("error: MESSAGE", "warning: MESSAGE"); empty when there are none. */
  public static List<String> of(Topology t) {
    return StandardRules.validator().check(t).stream().filter(d -> d.severity() != Severity.INFO)
        .map(d -> d.severity().word() + ": " + d.message()).toList();
  }
}

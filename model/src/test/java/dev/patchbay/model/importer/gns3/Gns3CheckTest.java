package dev.patchbay.model.importer.gns3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What an import makes is wired the way Patchbay's checker accepts: no error, only what the import warned of. */
class Gns3CheckTest {
  static Stream<String> fixtures() {
    return Gns3Fixtures.PROJECTS.stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void importedProjectsHaveNoErrors(String fixture) {
    Topology t = Gns3Fixtures.topology(fixture);
    List<Diagnostic> all = StandardRules.validator().check(t);
    assertEquals(List.of(), all.stream().filter(d -> d.severity() == Severity.ERROR).toList());
  }
}

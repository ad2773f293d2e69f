package dev.patchbay.app.designer.textio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportHostViewModelTest {
  @Test
  void blankMeansThisHostAndANameMeansThatNamespace() {
    List<String> asked = new ArrayList<>();
    ImportHostViewModel vm = new ImportHostViewModel(ns -> {
      asked.add(ns);
      return new Topology(ns == null ? "This host" : ns, "", null);
    });
    assertEquals("This host", vm.importFrom("  ").orElseThrow().name());
    assertEquals("lab1", vm.importFrom(" lab1 ").orElseThrow().name());
    assertNull(asked.get(0));
    assertEquals("lab1", asked.get(1));
  }

  @Test
  void aFailedReadSaysWhichTargetAndWhy() {
    ImportHostViewModel vm = new ImportHostViewModel(ns -> {
      throw new IOException("no network namespace named " + ns);
    });
    assertTrue(vm.importFrom("ghost").isEmpty());
    assertEquals("Cannot read network namespace ghost: no network namespace named ghost", vm.errorProperty().get());
  }

  @Test
  void theLiveReaderReadsThisHostThroughNetlink() {
    Topology t = ImportHostViewModel.live().importFrom("").orElseThrow();
    assertEquals("This host", t.name());
  }
}

package dev.patchbay.app.designer.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.format.TopologyFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Find by name, address and MAC, one match at a time, and a plain word when nothing matches. */
class FindViewModelTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final DocumentViewModel doc = new DocumentViewModel();
  private final List<String> revealed = new ArrayList<>();
  private final FindViewModel vm = new FindViewModel(doc, revealed::add);

  @BeforeEach
  void open() throws Exception {
    doc.newFrom(TopologyFiles.load(SAMPLE));
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource({
      "guest2, guest2",              // a name, ignoring case
      "GUEST1, guest1",
      "192.168.0.11, guest2",        // a NIC's address, without its prefix length
      "192.168.0.1, br0",            // the bridge's own address comes before the guests it starts
      "52:54:00:00:00:11, guest2",   // a MAC
      "52-54-00-00-00-10, guest1",   // written with dashes
      "525400000011, guest2",        // or without separators
      "10.0.0.10, eth0",             // the uplink's address
  })
  void enterRevealsTheFirstMatch(String query, String id) {
    vm.queryProperty().set(query);
    vm.next();
    assertEquals(List.of(id), revealed);
    assertTrue(vm.messageProperty().get().startsWith("1 of "), vm.messageProperty().get());
  }

  @Test
  void nextAndPreviousWalkTheMatchesRoundAndSayWhichOfHowMany() {
    vm.queryProperty().set("guest");
    vm.next();
    vm.next();
    vm.next();
    vm.previous();
    assertEquals(List.of("guest1", "guest2", "guest1", "guest2"), revealed);
    assertEquals("2 of 2: GUEST2", vm.messageProperty().get());
  }

  @Test
  void aPartialAddressFindsEveryElementInThatRange() {
    assertEquals(List.of("br0", "guest1", "guest2"), FindViewModel.find(doc.topology(), "192.168.0."));
  }

  @Test
  void nothingMatchingIsSaidPlainlyAndNothingIsRevealed() {
    vm.queryProperty().set("router7");
    vm.next();
    assertTrue(revealed.isEmpty());
    assertEquals("No element's name, address or MAC matches 'router7'", vm.messageProperty().get());
  }
}

package dev.patchbay.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {
  @ParameterizedTest
  @CsvSource({
      "lab.json, true",
      "samples/nat-bridge.json, true",
      "check, false",
      "--help, false",
      "lab.txt, false"})
  void oneJsonFileOpensTheDesignerAnythingElseIsACommand(String arg, boolean designer) {
    assertEquals(designer, Main.opensDesigner(new String[] {arg}));
  }
}

package dev.patchbay.backends.netlink;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceThreadTest {
  @ParameterizedTest
  @ValueSource(strings = {"../../proc/1/ns/net", "", "-lab", "a b", "lab;x"})
  void namespaceNameThatIsNoPlainNameIsRefusedBeforeAnyFileIsOpened(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NamespaceThread.enter(name));
    assertTrue(e.getMessage().startsWith("network namespace name '" + name + "'"), e.getMessage());
  }
}

package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsCliTest {
  private static final String SAMPLE = CliTest.samples().resolve("nat-bridge.json").toString();

  @Test
  void pollingFasterThanTenHertzIsRefused() {
    CliTest.Run r = CliTest.run("stats", "--interval", "50", SAMPLE);
    assertEquals(PatchbayCli.UNREADABLE, r.code());
    assertTrue(r.err().contains("--interval 50 is below 100 ms"), r.err());
  }

  @Test
  void aNamespaceThatDoesNotExistIsNamed() {
    CliTest.Run r = CliTest.run("stats", "--netns", "pb-no-such-ns-4711", SAMPLE);
    assertEquals(PatchbayCli.UNREADABLE, r.code());
    assertTrue(r.err().contains("'pb-no-such-ns-4711'") && r.err().contains("ENOENT"), r.err());
  }

  @Test
  void aNamespaceNameThatCouldEscapeTheFolderIsRefused() {
    CliTest.Run r = CliTest.run("stats", "--netns", "../x", SAMPLE);
    assertEquals(PatchbayCli.UNREADABLE, r.code());
    assertTrue(r.err().contains("must be 1-63 letters"), r.err());
  }

  @Test
  void anUnreadableTopologyIsRefused() {
    CliTest.Run r = CliTest.run("stats", "no-such-file.json");
    assertEquals(PatchbayCli.UNREADABLE, r.code());
    assertTrue(r.err().startsWith("patchbay stats: "), r.err());
  }
}

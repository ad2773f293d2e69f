package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCliTest {
  @TempDir
  Path dir;

  static Path fixture(String name) throws Exception {
    return Path.of(ImportCliTest.class.getResource("/imports/" + name).toURI());
  }

  @Test
  void aStartScriptImportsToAFileThatOpensAndChecks() throws Exception {
    Path out = dir.resolve("lab.json");
    CliTest.Run r = CliTest.run("import", fixture("lab-start.sh").toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("wrote " + out + ": 2 guest(s), 4 elements, 3 links"), r.out());
    assertTrue(r.out().contains("not imported: lab-start.sh command 1: sudo ip link set lo up")
        || r.out().contains("not imported: lab-start.sh command 1: ip link set lo up"), r.out());
    assertTrue(r.out().contains("not imported: lab-start.sh command 4: wait"), r.out());
    Topology t = TopologyFiles.load(out);
    assertEquals(2, t.elementsOf(Guest.class).count());
    assertTrue(t.note(Importers.NOTE_ID).isPresent());

    CliTest.Run check = CliTest.run("check", out.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("import.not-imported"), check.out());
    assertTrue(check.out().contains("command 4: wait"), check.out());
  }

  @Test
  void fromQemuForcesTheFormatAndNameSetsTheTopologysName() throws Exception {
    Path out = dir.resolve("named.json");
    CliTest.Run r = CliTest.run("import", "--from", "qemu", "--name", "Socket lab", fixture("lab-start.sh").toString(),
        "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("Socket lab", TopologyFiles.load(out).name());
  }

  @Test
  void aFileNoImporterRecognisesIsExitTwoNamingIt() throws Exception {
    Path out = dir.resolve("x.json");
    CliTest.Run r = CliTest.run("import", fixture("notes.txt").toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("notes.txt: not a format Patchbay imports"), r.err());
    assertTrue(r.err().contains("--from"), r.err());
    assertTrue(Files.notExists(out));
  }

  @Test
  void aMissingFileIsExitTwoNamingIt() {
    CliTest.Run r = CliTest.run("import", dir.resolve("gone.gns3").toString(), "-o", dir.resolve("x.json").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("gone.gns3: cannot read the file: there is no such file"), r.err());
  }

  @Test
  void aFolderOrTheInputAsOutputIsRefusedBeforeAnythingIsWritten() throws Exception {
    CliTest.Run folder = CliTest.run("import", dir.toString(), "-o", dir.resolve("x.json").toString());
    assertEquals(2, folder.code());
    assertTrue(folder.err().contains("this is a folder; name the files in it"), folder.err());
    Path script = Files.copy(fixture("lab-start.sh"), dir.resolve("lab.sh"));
    CliTest.Run self = CliTest.run("import", script.toString(), "-o", script.toString());
    assertEquals(2, self.code());
    assertTrue(self.err().contains("is one of the files being imported"), self.err());
    assertEquals(Files.readString(fixture("lab-start.sh")), Files.readString(script));
  }

  @Test
  void anUnknownFromIsExitTwoListingTheFormats() throws Exception {
    CliTest.Run r = CliTest.run("import", "--from", "visio", fixture("lab-start.sh").toString(),
        "-o", dir.resolve("x.json").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown format 'visio'; known: ") && r.err().contains("qemu"), r.err());
  }

  @Test
  void fromHostPointsAtImportHost() throws Exception {
    CliTest.Run r = CliTest.run("import", "--from", "host", fixture("lab-start.sh").toString(),
        "-o", dir.resolve("x.json").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("patchbay import host"), r.err());
  }

  @Test
  void aPatchbayFileIsToldToBeOpenedNotImported() {
    Path sample = CliTest.samples().resolve("nat-bridge.json");
    CliTest.Run r = CliTest.run("import", sample.toString(), "-o", dir.resolve("x.json").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("a Patchbay topology already"), r.err());
  }

  @Test
  void withoutOutputOrFileItSaysWhatIsMissing() throws Exception {
    CliTest.Run noOut = CliTest.run("import", fixture("lab-start.sh").toString());
    assertEquals(2, noOut.code());
    assertTrue(noOut.err().contains("missing -o"), noOut.err());
    CliTest.Run noFile = CliTest.run("import", "-o", dir.resolve("x.json").toString());
    assertEquals(2, noFile.code());
    assertTrue(noFile.err().contains("missing FILE"), noFile.err());
  }

  @Test
  void theSubcommandsStillWork() {
    Path out = dir.resolve("q.json");
    CliTest.Run r = CliTest.run("import", "qemu", "-o", out.toString(), "--", "qemu", "-net", "nic", "-net", "user");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out));
    CliTest.Run help = CliTest.run("import", "--help");
    // help wraps where it must; the list of formats is read with its line breaks as spaces
    assertTrue(help.out().replaceAll("\\s+", " ").contains("gns3, libvirt, core, clab, eve, qemu, host"), help.out());
  }

  @Test
  void aNewerMinorFileChecksWithAWarningOnStderr() throws Exception {
    CliTest.Run r = CliTest.run("check", fixture("newer-minor.json").toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("warning:") && r.err().contains("format version 1.3")
        && r.err().contains("/elements/3/nics/0/mtu"), r.err());
  }
}

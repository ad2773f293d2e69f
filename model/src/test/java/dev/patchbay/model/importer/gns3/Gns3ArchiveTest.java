package dev.patchbay.model.importer.gns3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.FileLimits;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.importer.SourceFile;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Portable projects: the .gns3 inside is read; images are named, never extracted; hostile zips refused. */
class Gns3ArchiveTest {
  private static SourceFile portable(Map<String, byte[]> entries) {
    return new SourceFile("lab.gns3project", Gns3Fixtures.zip(entries));
  }

  @Test
  void theProjectInsideIsReadAndItsImagesAreNamed() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("project.gns3", Gns3Fixtures.file("v2-guests-switches.gns3").bytes());
    entries.put("project-files/qemu/n-pc1/hda_disk.qcow2", new byte[16]);
    entries.put("images/QEMU/debian-12.qcow2", new byte[16]);
    SourceFile zip = portable(entries);
    assertEquals("gns3", Importers.detect(zip).orElseThrow().id());
    Imported fromZip = Importers.read(List.of(zip), null);
    Imported plain = Gns3Fixtures.imported("v2-guests-switches.gns3");
    assertEquals(Gns3Fixtures.wires(plain.topology()), Gns3Fixtures.wires(fromZip.topology()));
    assertEquals(List.copyOf(plain.topology().elements()), List.copyOf(fromZip.topology().elements()));
    assertTrue(fromZip.warnings().stream().anyMatch(w -> w.contains("1 disk image(s), not extracted: images/QEMU/debian-12.qcow2")),
        fromZip.warnings().toString());
  }

  @Test
  void anEntryThatClimbsOutOfTheArchiveRefusesIt() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("project.gns3", Gns3Fixtures.file("v2-guests-switches.gns3").bytes());
    entries.put("../../home/user/.bashrc", "echo owned".getBytes());
    ImportException e = assertThrows(ImportException.class, () -> Importers.read(List.of(portable(entries)), "gns3"));
    assertEquals("lab.gns3project: refused as a GNS3 portable project: entry '../../home/user/.bashrc' points outside"
        + " the archive", e.getMessage());
  }

  @Test
  void aProjectFileThatUnpacksPastTheLimitIsRefusedWithoutHoldingItAll() {
    byte[] huge = new byte[(int) FileLimits.MAX_BYTES + 1024];
    Arrays.fill(huge, (byte) ' ');
    SourceFile zip = portable(Map.of("project.gns3", huge));
    assertTrue(zip.bytes().length < 1_000_000, "a zip bomb: small packed, large unpacked");
    ImportException e = assertThrows(ImportException.class, () -> Importers.read(List.of(zip), "gns3"));
    assertTrue(e.getMessage().contains("'project.gns3' unpacks to more than"), e.getMessage());
  }

  @Test
  void aZipWithoutAProjectFileIsRefused() {
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(portable(Map.of("images/x.qcow2", new byte[1]))), "gns3"));
    assertTrue(e.getMessage().endsWith("no project.gns3 at the top of the archive"), e.getMessage());
  }

  @Test
  void entriesBeyondTheProjectCountTowardsTheUnpackedLimit() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("project.gns3", Gns3Fixtures.file("v2-guests-switches.gns3").bytes());
    entries.put("images/QEMU/zeros.qcow2", new byte[2_000_000]);
    ImportException e = assertThrows(ImportException.class, () -> Gns3Archive.open(portable(entries), 1_000_000));
    assertTrue(e.getMessage().endsWith("its entries unpack to more than 1000000 bytes"), e.getMessage());
    assertEquals(1, Gns3Archive.open(portable(entries), 3_000_000).images().size());
  }
}

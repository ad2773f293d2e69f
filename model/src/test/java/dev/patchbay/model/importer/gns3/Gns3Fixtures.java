package dev.patchbay.model.importer.gns3;

import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The hand-written GNS3 fixtures of src/test/resources/imports/gns3 and helpers to read them. */
final class Gns3Fixtures {
  static final List<String> PROJECTS = List.of("v2-guests-switches.gns3", "v2-clouds-nat.gns3", "v2-vendor.gns3",
      "v2-switch-chain.gns3", "v1-lab.gns3");

  private Gns3Fixtures() {}

  static SourceFile file(String name) {
    try (InputStream in = Gns3Fixtures.class.getResourceAsStream("/imports/gns3/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return new SourceFile(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture read the way patchbay import reads it (layout and note included). */
  static Imported imported(String name) {
    return Importers.read(List.of(file(name)), "gns3");
  }

  static Topology topology(String name) {
    return imported(name).topology();
  }

  /** A zip of the given entries (name to bytes), in order. */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Every link as "a = b" with its ends sorted, sorted: a set of wires that ignores link ids and order. */
  static List<String> wires(Topology t) {
    return t.links().stream()
        .map(l -> l.a().toString().compareTo(l.b().toString()) < 0 ? l.a() + " = " + l.b() : l.b() + " = " + l.a())
        .sorted().collect(Collectors.toList());
  }
}

package dev.patchbay.model.importer.gns3;

import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importer;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.text.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * GNS3 projects: {@code .gns3} files of GNS3 1.x and 2.x (file revisions 4 to 9, newer ones with a
 * warning) and {@code .gns3project} portable projects. What maps to what is in model/IMPORT.md.
 */
public final class Gns3Importer implements Importer {
  @Override
  public String id() {
    return "gns3";
  }

  @Override
  public String title() {
    return "GNS3 project";
  }

  @Override
  public List<String> extensions() {
    return List.of("*.gns3", "*.gns3project");
  }

  @Override
  public boolean recognises(SourceFile file) {
    try {
      if (Gns3Archive.isZip(file.bytes())) {
        return file.lowerName().endsWith(".gns3project") || file.lowerName().endsWith(".gns3p");
      }
      String head = new String(file.bytes(), 0, Math.min(file.bytes().length, 64), java.nio.charset.StandardCharsets.UTF_8);
      return head.replace("\uFEFF", "").stripLeading().startsWith("{") && Gns3Reader.looksLikeProject(Gns3Reader.tree(file));
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public Imported read(List<SourceFile> files) {
    SourceFile file = Importer.onlyFile(files, "a GNS3 project");
    List<String> warnings = new ArrayList<>();
    if (Gns3Archive.isZip(file.bytes())) {
      Gns3Archive.Contents c = Gns3Archive.open(file);
      file = c.project();
      if (!c.images().isEmpty()) {
        warnings.add(Printable.line(files.get(0).name()) + " holds " + c.images().size() + " disk image(s), not extracted: "
            + String.join(", ", c.images().stream().map(Printable::line).toList())
            + "; unpack them and point each guest's disk at its image");
      }
    }
    Gns3Project project = Gns3Reader.read(file, warnings);
    return new Gns3Mapping(file.name(), project, warnings).build();
  }
}

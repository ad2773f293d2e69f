package dev.patchbay.backends.qemu;

import dev.patchbay.backends.os.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which links of a running lab are cut ({@code patchbay link LAB LINK down}, the designer's Cut): one
 * link id a line in LABS/LAB/cut-links, so a counter poll in another process (stats, the agent)
 * knows them too. The file goes with the lab's folder at down. A reader that finds none sees no cut.
 */
public final class CutLinks {
  private CutLinks() {}

  static Path file(Path labsRoot, String lab) {
    return labsRoot.resolve(lab).resolve("cut-links");
  }

  /** The lab's cut links (empty when none was cut, or the lab has no folder). */
  public static Set<String> read(Path labsRoot, String lab) throws IOException {
    Path f = file(labsRoot, lab);
    if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    SafeFiles.readString(f).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
    return out;
  }

  /** Records that {@code linkId} is cut ({@code cut}) or restored; the file is replaced whole. */
  static synchronized void record(Path labsRoot, String lab, String linkId, boolean cut) throws IOException {
    Set<String> links = new TreeSet<>(read(labsRoot, lab));
    if (cut ? !links.add(linkId) : !links.remove(linkId)) {
      return;
    }
    Path f = file(labsRoot, lab);
    Files.createDirectories(f.getParent());
    Path tmp = Files.createTempFile(f.getParent(), "cut-links", ".tmp");
    Files.writeString(tmp, links.isEmpty() ? "" : String.join("\n", links) + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

package dev.patchbay.model.importer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file handed to an importer, read whole by the caller (the CLI or the designer, which apply
 * {@link dev.patchbay.model.format.FileLimits} first): its name as the user gave it, for messages
 * and for detection by extension, and its bytes. Importers never open files themselves, so a file
 * from a colleague cannot make them read another.
 */
public record SourceFile(String name, byte[] bytes) {
  public SourceFile {
    Objects.requireNonNull(name);
    Objects.requireNonNull(bytes);
  }

  public static SourceFile of(String name, String text) {
    return new SourceFile(name, text.getBytes(StandardCharsets.UTF_8));
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The file name's last part in lower case, for detection by extension ("lab.clab.yml"). */
  public String lowerName() {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
  }
}

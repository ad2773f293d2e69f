package dev.patchbay.model.disk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@link BundleManifest}s. A manifest comes from someone else's bundle, so every
 * value is checked before anyone uses it: paths stay inside the topology's folder, hashes are hashes.
 */
public final class ManifestFormat {
  /** More images than any lab has; a bound on what a hostile manifest makes us hold. */
  public static final int MAX_IMAGES = 4096;
  /** A manifest of {@link #MAX_IMAGES} images is well under this; anything larger is not one. */
  public static final long MAX_BYTES = 4L << 20;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestFormat() {}

  public static String write(BundleManifest manifest) {
    try {
      return JSON.writeValueAsString(manifest) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest always serializes", e);
    }
  }

  /** Parses and checks a manifest; {@code source} names it in messages. */
  public static BundleManifest parse(byte[] bytes, String source) throws ManifestException {
    BundleManifest m;
    try {
      m = JSON.readValue(bytes, BundleManifest.class);
    } catch (IOException e) {
      throw new ManifestException(source + ": not a Patchbay bundle manifest (" + firstLine(e.getMessage()) + ")");
    }
    if (m == null || !BundleManifest.FORMAT.equals(m.format())) {
      throw new ManifestException(source + ": \"format\" must be \"" + BundleManifest.FORMAT + "\"");
    }
    if (m.version() < 1 || m.version() > BundleManifest.VERSION) {
      throw new ManifestException(source + ": manifest version " + m.version() + " is not one this Patchbay reads (it reads "
          + BundleManifest.VERSION + "); a newer Patchbay wrote it");
    }
    check(m, source);
    return m;
  }

  private static void check(BundleManifest m, String source) throws ManifestException {
    String topologyProblem = pathProblem(m.topology());
    if (topologyProblem != null || m.topology().contains("/") || !m.topology().endsWith(".json")) {
      throw new ManifestException(source + ": \"topology\" must be a .json file name without a folder");
    }
    if (m.images().size() > MAX_IMAGES) {
      throw new ManifestException(source + ": " + m.images().size() + " images, more than " + MAX_IMAGES);
    }
    Set<String> seen = new HashSet<>();
    List<BundleManifest.Image> images = m.images();
    for (int i = 0; i < images.size(); i++) {
      BundleManifest.Image img = images.get(i);
      String where = source + ": images[" + i + "]";
      String problem = img == null ? "is empty" : pathProblem(img.path());
      if (problem != null) {
        throw new ManifestException(where + ": path " + problem);
      }
      if (img.size() < 0 || img.sha256() == null || !SHA256.matcher(img.sha256()).matches()) {
        throw new ManifestException(where + ": needs a size of 0 or more and a sha256 of 64 lower-case hex digits");
      }
      if (!seen.add(img.path())) {
        throw new ManifestException(where + ": " + img.path() + " is listed twice");
      }
    }
  }

  /**
   * Why a path from a bundle may not be used, or null: it must be relative, '/' separated, and
   * stay inside the folder it is unpacked to.
   */
  public static String pathProblem(String path) {
    if (path == null || path.isEmpty() || path.length() > 1024) {
      return "is empty or longer than 1024 characters";
    }
    if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
      return "'" + clean(path) + "' is absolute or uses '\\'; a bundle holds relative '/' paths";
    }
    if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "contains control characters";
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return "'" + clean(path) + "' has an empty, '.' or '..' part; a bundle's paths stay inside its folder";
      }
    }
    return null;
  }

  private static String clean(String s) {
    return s.replaceAll("\\p{Cntrl}", "?");
  }

  private static String firstLine(String message) {
    String m = message == null ? "unreadable" : message;
    int nl = m.indexOf('\n');
    return clean(nl < 0 ? m : m.substring(0, nl));
  }
}

package dev.patchbay.model.importer;

import dev.patchbay.model.net.InterfaceName;
import dev.patchbay.model.net.ProcessName;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.VdeSwitch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns names from another tool's file into names Patchbay accepts: element ids (1-64 of
 * {@code A-Z a-z 0-9 _ . -}, unique), process names (a guest's QEMU {@code -name}) and kernel
 * interface names (at most 15 bytes, letters, digits, '-', '_', '.'). A foreign name is never
 * trusted: anything else is replaced by '_', long names are cut and numbered, and every change is
 * recorded as a warning so the user sees "R1 (router) 1" became "R1__router__1".
 */
public final class ForeignNames {
  private final Topology topology;
  private final Set<String> interfaceNames = new HashSet<>();
  private final Set<String> processNames = new HashSet<>();
  private final List<String> warnings = new ArrayList<>();

  public ForeignNames(Topology topology) {
    this.topology = topology;
  }

  /** A fresh element/link/note id made from the foreign name ({@code prefix} when nothing is left of it). */
  public String id(String foreign, String prefix) {
    String clean = plain(foreign, 64);
    String id = clean.isEmpty() || clean.chars().allMatch(c -> c == '.') ? prefix : clean;
    if (taken(id)) {
      id = numbered(id, 64, this::taken);
    }
    return id;
  }

  /**
   * A name for a guest's process: the same rule as ids, recorded as a warning when it changed. It
   * names the guest's run folder and pid file, so it is unique among this import's guests and VDE
   * switches (whose names are their ids): two nodes of one name in a file are numbered.
   */
  public String processName(String foreign, String fallback) {
    String clean = plain(foreign, ProcessName.MAX);
    String name = clean.isEmpty() || ProcessName.problem(clean).isPresent() ? fallback : clean;
    if (processTaken(name)) {
      name = numbered(name, ProcessName.MAX, this::processTaken);
    }
    processNames.add(name);
    noteChange(foreign, name, "guest name");
    return name;
  }

  private boolean processTaken(String name) {
    return processNames.contains(name)
        || topology.element(name).filter(e -> e instanceof Guest || e instanceof VdeSwitch).isPresent();
  }

  /** A kernel interface name, unique among those this import made, recorded when it changed. */
  public String interfaceName(String foreign, String fallbackPrefix) {
    String clean = cut(plain(foreign, 64), InterfaceName.MAX_BYTES);
    String name = clean.isEmpty() || InterfaceName.unsafe(clean).isPresent() ? fallbackPrefix + "0" : clean;
    if (interfaceNames.contains(name)) {
      name = numbered(name, InterfaceName.MAX_BYTES, interfaceNames::contains);
    }
    interfaceNames.add(name);
    noteChange(foreign, name, "interface name");
    return name;
  }

  /** The renames made so far, as sentences for {@link Imported#warnings()}. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  private boolean taken(String id) {
    return topology.contains(id) || topology.link(id).isPresent() || topology.note(id).isPresent();
  }

  private void noteChange(String foreign, String name, String what) {
    if (foreign != null && !foreign.equals(name)) {
      warnings.add(dev.patchbay.model.text.Printable.quoted(foreign) + " became " + what + " '" + name + "'");
    }
  }

  private static String plain(String foreign, int max) {
    if (foreign == null) {
      return "";
    }
    String clean = foreign.strip().replaceAll("[^A-Za-z0-9_.-]", "_");
    return clean.length() > max ? clean.substring(0, max) : clean;
  }

  private static String cut(String s, int maxBytes) {
    while (s.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String numbered(String base, int max, java.util.function.Predicate<String> taken) {
    for (int i = 1; ; i++) {
      String suffix = "-" + i;
      String candidate = cut(base, max - suffix.length()) + suffix;
      if (!taken.test(candidate)) {
        return candidate;
      }
    }
  }
}

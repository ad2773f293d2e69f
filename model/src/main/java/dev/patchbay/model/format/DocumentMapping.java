package dev.patchbay.model.format;

import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Between the file's document and the live {@link Topology}. Only what would make the topology
 * meaningless (no id, an id used twice, a link to nothing) stops a load; everything a user can get
 * wrong in a working design is left for the validator to report.
 */
final class DocumentMapping {
  /** Ids appear in links as "id:port", in command lines and in file names: keep them plain. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private DocumentMapping() {}

  /** Finds where a part of the file starts, by JSON pointer: {line, column}, or {0, 0}. */
  interface Places {
    int[] of(String pointer);
  }

  static Topology toTopology(TopologyDocument doc, String source, Places places) throws TopologyFileException {
    Topology t = new Topology(orEmpty(doc.name()), orEmpty(doc.description()), doc.seed());
    t.setHost(doc.host() == null ? HostSettings.none() : doc.host());
    Set<String> ids = new HashSet<>();
    List<Element> elements = doc.elements() == null ? List.of() : doc.elements();
    for (int i = 0; i < elements.size(); i++) {
      Element e = elements.get(i);
      String where = "elements[" + i + "]";
      Refusal at = new Refusal(source, places, "/elements/" + i);
      if (e == null) {
        throw at.problem(where + " is null; expected an element object");
      }
      requireId(at, where, e.id(), ids);
      if (e.name() == null || e.name().isEmpty()) {
        throw at.problem(where + " (" + e.id() + ") has no \"name\"");
      }
      if (e instanceof Guest g) {
        requireNicNames(source, places, i, g);
      }
      Point place = doc.layout() == null ? null : doc.layout().get(e.id());
      t.add(e, place);
    }
    links(doc, source, places, t, ids);
    layout(doc, source, places, t);
    List<Note> notes = doc.notes() == null ? List.of() : doc.notes();
    for (int i = 0; i < notes.size(); i++) {
      Note n = notes.get(i);
      Refusal at = new Refusal(source, places, "/notes/" + i);
      if (n == null) {
        throw at.problem("notes[" + i + "] is null");
      }
      requireId(at, "notes[" + i + "]", n.id(), ids);
      t.putNote(n);
    }
    return t;
  }

  private static void layout(TopologyDocument doc, String source, Places places, Topology t)
      throws TopologyFileException {
    if (doc.layout() != null) {
      for (String id : doc.layout().keySet()) {
        if (!t.contains(id)) {
          throw new Refusal(source, places, "/layout/" + pointerWord(id))
              .problem("layout names " + quoted(id) + ", which is no element of this file");
        }
      }
    }
  }

  /** Links name a NIC as guest:nic; a NIC without a name could never be wired or told apart. */
  private static void requireNicNames(String source, Places places, int i, Guest g) throws TopologyFileException {
    for (int n = 0; n < g.nics().size(); n++) {
      String name = g.nics().get(n).name();
      if (name == null || name.isEmpty()) {
        throw new Refusal(source, places, "/elements/" + i + "/nics/" + n)
            .problem("elements[" + i + "] (" + g.id() + ") nics[" + n + "] has no \"name\"");
      }
    }
  }

  private static void links(TopologyDocument doc, String source, Places places, Topology t, Set<String> ids)
      throws TopologyFileException {
    List<Link> links = doc.links() == null ? List.of() : doc.links();
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      String where = "links[" + i + "]";
      Refusal at = new Refusal(source, places, "/links/" + i);
      if (l == null) {
        throw at.problem(where + " is null; expected {\"id\", \"a\", \"b\"}");
      }
      requireId(at, where, l.id(), ids);
      checkEnd(at, where + " (" + l.id() + ") end \"a\"", l.a(), t);
      checkEnd(at, where + " (" + l.id() + ") end \"b\"", l.b(), t);
      t.connect(l);
    }
  }

  /** A refusal about one part of the file, placed at that part's line and column when asked for. */
  private record Refusal(String source, Places places, String pointer) {
    TopologyFileException problem(String detail) {
      int[] at = places.of(pointer);
      return new TopologyFileException(source, at[0], at[1], detail);
    }
  }

  private static void requireId(Refusal at, String where, String id, Set<String> ids) throws TopologyFileException {
    if (id == null || !ID.matcher(id).matches()) {
      throw at.problem(where + " has " + (id == null ? "no \"id\"" : "the id " + quoted(id))
          + "; expected 1 to 64 of the characters A-Z a-z 0-9 _ . -");
    }
    if (!ids.add(id)) {
      throw at.problem(where + " reuses the id " + quoted(id) + "; every element, link and note needs its own");
    }
  }

  private static void checkEnd(Refusal at, String where, Endpoint end, Topology t) throws TopologyFileException {
    if (end == null) {
      throw at.problem(where + " is missing");
    }
    if (!t.contains(end.element())) {
      throw at.problem(where + " " + quoted(end.toString()) + " names no element of this file");
    }
  }

  /** A value from the file in a message: quoted, and escaped so a newline or ESC in it cannot reach a terminal. */
  private static String quoted(String s) {
    return "\"" + Printable.line(s) + "\"";
  }

  /** A JSON pointer's escaping of one key (RFC 6901). */
  private static String pointerWord(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * The minor version a file must say: the lowest that holds every field it uses (a guest's display
   * is 1.1), or a kept newer minor's; absent for 1.0, so such a file opens in a Patchbay that reads
   * only 1.0 as before, while a file with a display tells that Patchbay to keep it with a warning
   * instead of refusing it as a typo.
   */
  private static Integer minorToWrite(Topology t) {
    int uses = t.elementsOf(Guest.class).anyMatch(g -> g.display() != null) ? 1 : 0;
    int minor = Math.max(uses, t.newerFields().isEmpty() ? 0 : t.newerFields().minor());
    return minor == 0 ? null : minor;
  }

  static TopologyDocument toDocument(Topology t) {
    Map<String, Point> layout = new LinkedHashMap<>();
    for (Element e : t.elements()) {
      t.position(e.id()).ifPresent(p -> layout.put(e.id(), p));
    }
    HostSettings host = t.host();
    boolean hostEmpty = !host.ipForward() && host.nat().isEmpty() && host.proxyArp().isEmpty() && host.routes().isEmpty();
    return new TopologyDocument(
        TopologyFiles.FORMAT,
        TopologyFiles.VERSION,
        minorToWrite(t),
        t.name(),
        t.description(),
        t.seed(),
        hostEmpty ? null : host,
        new ArrayList<>(t.elements()),
        new ArrayList<>(t.links()),
        layout,
        new ArrayList<>(t.notes()));
  }
}

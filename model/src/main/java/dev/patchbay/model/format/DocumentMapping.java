package dev.patchbay.model.format;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
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

  static Topology toTopology(TopologyDocument doc, String source) throws TopologyFileException {
    Topology t = new Topology(orEmpty(doc.name()), orEmpty(doc.description()), doc.seed());
    t.setHost(doc.host() == null ? HostSettings.none() : doc.host());
    Set<String> ids = new HashSet<>();
    List<Element> elements = doc.elements() == null ? List.of() : doc.elements();
    for (int i = 0; i < elements.size(); i++) {
      Element e = elements.get(i);
      String where = "elements[" + i + "]";
      if (e == null) {
        throw problem(source, where + " is null; expected an element object");
      }
      requireId(source, where, e.id(), ids);
      if (e.name() == null || e.name().isEmpty()) {
        throw problem(source, where + " (" + e.id() + ") has no \"name\"");
      }
      Point at = doc.layout() == null ? null : doc.layout().get(e.id());
      t.add(e, at);
    }
    List<Link> links = doc.links() == null ? List.of() : doc.links();
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      String where = "links[" + i + "]";
      if (l == null) {
        throw problem(source, where + " is null; expected {\"id\", \"a\", \"b\"}");
      }
      requireId(source, where, l.id(), ids);
      checkEnd(source, where + " (" + l.id() + ") end \"a\"", l.a(), t);
      checkEnd(source, where + " (" + l.id() + ") end \"b\"", l.b(), t);
      t.connect(l);
    }
    if (doc.layout() != null) {
      for (String id : doc.layout().keySet()) {
        if (!t.contains(id)) {
          throw problem(source, "layout names \"" + id + "\", which is no element of this file");
        }
      }
    }
    List<Note> notes = doc.notes() == null ? List.of() : doc.notes();
    for (int i = 0; i < notes.size(); i++) {
      Note n = notes.get(i);
      if (n == null) {
        throw problem(source, "notes[" + i + "] is null");
      }
      requireId(source, "notes[" + i + "]", n.id(), ids);
      t.putNote(n);
    }
    return t;
  }

  private static void requireId(String source, String where, String id, Set<String> ids)
      throws TopologyFileException {
    if (id == null || !ID.matcher(id).matches()) {
      throw problem(source, where + " has " + (id == null ? "no \"id\"" : "the id \"" + id + "\"")
          + "; expected 1 to 64 of the characters A-Z a-z 0-9 _ . -");
    }
    if (!ids.add(id)) {
      throw problem(source, where + " reuses the id \"" + id + "\"; every element, link and note needs its own");
    }
  }

  private static void checkEnd(String source, String where, Endpoint end, Topology t)
      throws TopologyFileException {
    if (end == null) {
      throw problem(source, where + " is missing");
    }
    if (!t.contains(end.element())) {
      throw problem(source, where + " \"" + end + "\" names no element of this file");
    }
  }

  private static TopologyFileException problem(String source, String detail) {
    return new TopologyFileException(source, 0, 0, detail);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
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

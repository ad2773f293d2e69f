package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structural check of a text diagram against the topology it was drawn from, for any
 * renderer's output: read the text back ({@link ParsedDiagram}, which says what the text must look
 * like), then check that
 * <ul>
 *   <li>every wire runs from a box's border to another's (no dead end, no junction, no stray
 *       line character), never into or along a border, nor through a box that holds neither end;</li>
 *   <li>the wires join exactly the boxes the file links (no more, no fewer), a NIC's or a socket
 *       side's wire on the row that names it; taps and uplinks on a bridge sit inside it;</li>
 *   <li>each element has one box titled with its name as {@link DiagramNames#full} gives it, or cut
 *       and marked {@code ~N} with a footnote {@code (~N = name)} under the drawing;</li>
 *   <li>no two boxes overlap and wires draw no rectangle of their own;</li>
 *   <li>a crossing is explained by a {@code (legend: ...)} line;</li>
 *   <li>every line is at most {@code width} cells (wide characters two), except the drawing's
 *       own when a note under it says it {@code does not fit in --width}: the note itself fits.</li>
 * </ul>
 * Usage: {@code List<String> problems = DiagramChecker.check(text, topology, charset, width)}: an
 * empty list means sound; {@link #assertSound} fails with the problems and the text. The compact
 * style is checked to the same standard by {@code check(drawing, topology, charset, width)}.
 */
public final class DiagramChecker {
  private static final Pattern FOOTNOTE = Pattern.compile("\\(~(\\d+) = (.*)\\)", Pattern.DOTALL);

  private final ParsedDiagram d;
  private final Topology t;
  private final DiagramNames names;
  private final List<String> problems = new ArrayList<>();

  private DiagramChecker(String text, Topology t, Charset charset) {
    this.d = ParsedDiagram.parse(text);
    this.t = t;
    this.names = DiagramNames.of(t, charset, Integer.MAX_VALUE);
  }

  /** What is wrong with the diagram, in words; empty when nothing is. */
  public static List<String> check(String text, Topology t, Charset charset, int width) {
    DiagramChecker c = new DiagramChecker(text, t, charset);
    c.problems.addAll(c.d.problems);
    c.problems.addAll(c.d.wireRectangles());
    c.width(text, width);
    c.boxes();
    c.wires();
    return c.problems;
  }

  /**
   * The compact style's drawing held to the same standard: every line within the width, each
   * element's name whole or cut {@code ~N} with its footnote, a HOST when the design has host
   * interfaces, and every wire followed cell by cell to exactly the file's links ({@link
   * CompactReading}: the compact style draws notches, bars and socket labels where the full one
   * draws boxes, and the painter says which element each stands for).
   */
  static List<String> check(CompactDiagram.Drawing drawing, Topology t, Charset charset, int width) {
    List<String> problems = new ArrayList<>();
    List<String> lines = drawing.text().lines().toList();
    lines.stream().filter(l -> DiagramText.width(l) > width)
        .forEach(l -> problems.add("a line is " + DiagramText.width(l) + " wide, more than " + width + ": " + l));
    String body = TextDiagram.body(drawing.text());
    Map<String, String> notes = new HashMap<>();
    for (String p : ParsedDiagram.paragraphs(lines.subList((int) body.lines().count(), lines.size()))) {
      Matcher m = FOOTNOTE.matcher(p.replace("\n ", ""));
      if (m.matches()) {
        notes.put(m.group(1), m.group(2));
      }
    }
    DiagramNames names = DiagramNames.of(t, charset, Integer.MAX_VALUE);
    Map<String, String> shown = new HashMap<>();
    for (Element e : t.elements()) {
      String as = shownAs(body, names.full(e), notes);
      if (as == null) {
        problems.add("the name " + names.full(e) + " of " + e.id() + " is neither shown nor cut with its footnote");
      }
      shown.put(e.id(), as == null ? names.full(e) : as);
    }
    if (t.elements().stream().anyMatch(Element::isHostInterface) && !body.contains("HOST")) {
      problems.add("no HOST");
    }
    for (Element e : t.elements()) {
      String flat = body.replaceAll("[\\s|\u2502]+", " ");
      for (Link l : e.kind() == ElementKind.BRIDGE ? t.linksOf(e.id()) : List.<Link>of()) {
        String member = shown.getOrDefault(l.other(e.id()).element(), "?");
        if (!flat.matches("(?s).*" + Pattern.quote(shown.get(e.id())) + " .*bridges .*" + Pattern.quote(member) + ".*")) {
          problems.add("no line of the host says that " + shown.get(e.id()) + " bridges " + member);
        }
      }
    }
    problems.addAll(CompactReading.problems(t, drawing, charset));
    return problems;
  }

  /** The name whole when the text holds it, or a start of it marked {@code ~N} where footnote N gives it; else null. */
  private static String shownAs(String body, String full, Map<String, String> notes) {
    if (body.contains(full)) {
      return full;
    }
    for (Map.Entry<String, String> n : notes.entrySet()) {
      if (n.getValue().equals(full)) {
        for (int k = DiagramText.width(full); k >= 1; k--) {
          String cut = DiagramText.head(full, k) + DiagramNames.MARK + n.getKey();
          if (body.contains(cut)) {
            return cut;
          }
        }
      }
    }
    return null;
  }


  /** Fails with the problems and the text when the compact drawing is not sound. */
  static void assertSound(CompactDiagram.Drawing drawing, Topology t, Charset charset, int width) {
    List<String> p = check(drawing, t, charset, width);
    if (!p.isEmpty()) {
      throw new AssertionError(p.size() + " problems at width " + width + " " + charset + ":\n  "
          + String.join("\n  ", p.subList(0, Math.min(20, p.size()))) + "\n" + drawing.text());
    }
  }

  /** Fails with every problem and the text when the diagram is not sound. */
  public static void assertSound(String text, Topology t, Charset charset, int width) {
    List<String> p = check(text, t, charset, width);
    if (!p.isEmpty()) {
      throw new AssertionError(p.size() + " problems at width " + width + " " + charset + ":\n  "
          + String.join("\n  ", p.subList(0, Math.min(20, p.size()))) + "\n" + text);
    }
  }

  private void width(String text, int width) {
    boolean noted = d.paragraphs().stream().anyMatch(p -> p.startsWith("(note: this diagram needs")
        && p.replace("\n", "").contains("does not fit in --width " + width + ")"));
    for (String l : d.trailer) {
      if (DiagramText.width(l) > width) {
        problems.add("a line under the drawing is " + DiagramText.width(l) + " wide: " + l);
      }
    }
    if (d.width() > width && !noted) {
      problems.add("the drawing is " + d.width() + " wide, more than " + width + ", and no note says so");
    }
    if (d.hasCrossing() && d.paragraphs().stream().noneMatch(p -> p.startsWith("(legend:"))) {
      problems.add("lines cross and no legend says how a crossing looks");
    }
  }

  // ---- boxes -------------------------------------------------------------------------------------

  private final Map<String, ParsedDiagram.Rect> boxOf = new HashMap<>();

  private void boxes() {
    Map<String, String> notes = footnotes();
    List<ParsedDiagram.Rect> left = new ArrayList<>(d.boxes);
    for (Element e : t.elements()) {
      String full = names.full(e);
      ParsedDiagram.Rect r = left.stream().filter(b -> titled(b.title(), full, notes)).findFirst().orElse(null);
      if (r == null) {
        problems.add("no box titled " + full + " for " + e.id());
      } else {
        left.remove(r);
        boxOf.put(e.id(), r);
      }
    }
    boolean host = t.elements().stream().anyMatch(Element::isHostInterface);
    ParsedDiagram.Rect hostBox = left.stream().filter(b -> b.title().equals("HOST")).findFirst().orElse(null);
    if (host != (hostBox != null)) {
      problems.add(host ? "no HOST box" : "a HOST box with no host interface");
    }
    left.remove(hostBox);
    left.forEach(b -> problems.add("a box titled " + b.title() + " that is no element"));
    for (ParsedDiagram.Rect a : d.boxes) {
      for (ParsedDiagram.Rect b : d.boxes) {
        if (a != b && !(a.disjoint(b) || a.contains(b) || b.contains(a))) {
          problems.add(a.title() + " overlaps " + b.title());
        }
      }
    }
    for (Element e : t.elements()) {
      if (e.isHostInterface() && hostBox != null && boxOf.containsKey(e.id()) && !hostBox.contains(boxOf.get(e.id()))) {
        problems.add(names.full(e) + " is a host interface drawn outside the HOST box");
      }
    }
  }

  private static boolean titled(String title, String full, Map<String, String> notes) {
    if (title.equals(full)) {
      return true;
    }
    int mark = title.lastIndexOf(DiagramNames.MARK);
    return mark > 0 && full.equals(notes.get(title.substring(mark + 1)))
        && full.startsWith(title.substring(0, mark));
  }

  /** Footnote number to name; a wrapped footnote's lines each start with one extra space. */
  private Map<String, String> footnotes() {
    Map<String, String> out = new HashMap<>();
    for (String p : d.paragraphs()) {
      Matcher m = FOOTNOTE.matcher(p.replace("\n ", ""));
      if (m.matches()) {
        out.put(m.group(1), m.group(2));
      }
    }
    return out;
  }

  // ---- wires -------------------------------------------------------------------------------------

  private void wires() {
    List<ParsedDiagram.Trace> left = new ArrayList<>(d.lines());
    for (Link l : t.links()) {
      if (!drawn(l)) {
        continue;
      }
      ParsedDiagram.Trace line = left.stream().filter(w -> joins(w, l)).findFirst().orElse(null);
      if (line == null) {
        problems.add("no line for the link " + l.a() + " - " + l.b());
      } else {
        left.remove(line);
      }
    }
    left.forEach(w -> problems.add("a line joins " + w.from().title() + " and " + w.to().title()
        + " at " + w.fromX() + "," + w.fromY() + ": the file links no such ports"));
    for (ParsedDiagram.Trace line : d.lines()) {
      for (int[] c : line.cells()) {
        ParsedDiagram.Rect r = d.innermost(c[0], c[1]);
        if (r != null && !r.contains(line.from()) && !r.contains(line.to()) && r != line.from() && r != line.to()) {
          problems.add("the line " + line.from().title() + " - " + line.to().title() + " runs through " + r.title());
          break;
        }
      }
    }
    for (Link l : t.links()) {
      if (nested(l) && boxOf.containsKey(l.a().element()) && boxOf.containsKey(l.b().element())) {
        ParsedDiagram.Rect a = boxOf.get(l.a().element());
        ParsedDiagram.Rect b = boxOf.get(l.b().element());
        if (!a.contains(b) && !b.contains(a)) {
          problems.add(a.title() + " and " + b.title() + " are linked as bridge and member but not nested");
        }
      }
    }
  }

  /** Links a line stands for: not a tap's or uplink's membership of its bridge, not a loop. */
  private boolean drawn(Link l) {
    return !nested(l) && t.contains(l.a().element()) && t.contains(l.b().element())
        && !l.a().element().equals(l.b().element());
  }

  private boolean nested(Link l) {
    ElementKind a = t.element(l.a().element()).map(Element::kind).orElse(null);
    ElementKind b = t.element(l.b().element()).map(Element::kind).orElse(null);
    return a == ElementKind.BRIDGE && (b == ElementKind.TAP || b == ElementKind.UPLINK)
        || b == ElementKind.BRIDGE && (a == ElementKind.TAP || a == ElementKind.UPLINK);
  }

  private boolean joins(ParsedDiagram.Trace w, Link l) {
    ParsedDiagram.Rect a = boxOf.get(l.a().element());
    ParsedDiagram.Rect b = boxOf.get(l.b().element());
    return w.from() == a && w.to() == b && atPort(l.a(), w.fromY()) && atPort(l.b(), w.toY())
        || w.from() == b && w.to() == a && atPort(l.b(), w.fromY()) && atPort(l.a(), w.toY());
  }

  /** A line to a NIC or a socket side attaches on the row that names it. */
  private boolean atPort(Endpoint e, int y) {
    Element el = t.element(e.element()).orElseThrow();
    boolean named = el instanceof Guest || el instanceof Socket s && s.transport().pointToPoint();
    if (!named || e.port() == null) {
      return true;
    }
    ParsedDiagram.Rect r = boxOf.get(el.id());
    String row = d.rowText(y, r.x() + 1, r.right()).trim();
    String label = names.text(e.port().length() == 1 && el instanceof Socket ? "side " + e.port() : e.port());
    return row.equals(label) || row.startsWith(label + " ");
  }
}

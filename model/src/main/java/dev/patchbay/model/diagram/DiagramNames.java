package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every element's name as one text diagram shows it. A name is first written in the charset's
 * terms ({@link DiagramText#shown}); where two different names come out the same (Gäste and Gaste in
 * ASCII) both are written strictly escaped instead, so no two elements share a title. A name wider
 * than a box may hold is cut and marked {@code ~N}, and a footnote {@code (~N = full name)} under
 * the diagram gives it whole: each name can still be found.
 */
public final class DiagramNames {
  /** Where a cut name ends: the mark and its footnote number follow. */
  public static final String MARK = "~";

  private final Map<String, String> full = new LinkedHashMap<>();
  private final Map<String, String> titles = new LinkedHashMap<>();
  private final List<String> footnotes = new ArrayList<>();
  private final Charset charset;
  private final int longest;

  private DiagramNames(Charset charset, int longest) {
    this.charset = charset;
    this.longest = longest;
  }

  /** Names of the topology's elements, cut where longer than {@code longest} cells. */
  public static DiagramNames of(Topology t, Charset charset, int longest) {
    DiagramNames n = new DiagramNames(charset, longest);
    Map<String, List<String>> byShown = new HashMap<>();
    for (Element e : t.elements()) {
      String shown = DiagramText.shown(e.name(), charset, false);
      n.full.put(e.id(), shown);
      byShown.computeIfAbsent(shown, k -> new ArrayList<>()).add(e.name());
    }
    for (Element e : t.elements()) {
      boolean clash = byShown.get(n.full.get(e.id())).stream().distinct().count() > 1;
      if (clash) {
        n.full.put(e.id(), DiagramText.shown(e.name(), charset, true));
      }
    }
    for (Element e : t.elements()) {
      n.titles.put(e.id(), n.cut(n.full.get(e.id())));
    }
    return n;
  }

  private String cut(String name) {
    if (DiagramText.width(name) <= longest) {
      return name;
    }
    footnotes.add(name);
    String mark = MARK + footnotes.size();
    // One cell short of the longest line, so that a label line naming it still fits when it
    // wraps and the name starts a continuation line (" name~N").
    return DiagramText.head(name, Math.max(1, longest - 1 - mark.length())) + mark;
  }

  /**
   * Names as the file has them, nothing cut: for exports that escape text their own way (Mermaid,
   * DOT, SVG) and only borrow the labels.
   */
  static DiagramNames raw() {
    return new DiagramNames(null, Integer.MAX_VALUE);
  }

  /** The element's name as its box's title shows it: maybe cut, with its footnote mark. */
  public String title(Element e) {
    return titles.getOrDefault(e.id(), text(e.name()));
  }

  /** The element's whole name in the charset's terms, as its footnote gives it when cut. */
  public String full(Element e) {
    return full.getOrDefault(e.id(), text(e.name()));
  }

  /** Any other label text (an address, a NIC's name) in the charset's terms. */
  public String text(String s) {
    return charset == null ? s : DiagramText.shown(s, charset, false);
  }

  /** A label line, in lines no wider than {@link #longest} (see {@link DiagramText#wrap}). */
  List<String> lines(String s) {
    return charset == null ? List.of(s) : DiagramText.wrap(text(s), longest, true);
  }

  /** The most cells a label line may take. */
  public int longest() {
    return longest;
  }

  /** One line per cut name, {@code (~N = full name)}, each wrapped to {@code width}. */
  public List<String> footnotes(int width) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < footnotes.size(); i++) {
      out.addAll(DiagramText.wrap("(" + MARK + (i + 1) + " = " + footnotes.get(i) + ")", width, false));
    }
    return out;
  }
}

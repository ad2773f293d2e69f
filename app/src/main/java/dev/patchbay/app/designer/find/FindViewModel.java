package dev.patchbay.app.designer.find;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Edit > Find: the elements whose name, address or MAC matches what was typed, one at a time.
 * Each step hands the match to {@code reveal} (the canvas selects it and centres the view on it)
 * and says which match of how many it is, or plainly that nothing matches.
 */
public final class FindViewModel {
  private final DocumentViewModel document;
  private final Consumer<String> reveal;
  private final StringProperty query = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private List<String> matches = List.of();
  private int at = -1;
  /** What {@link #matches} were found for: the query, the design and its revision. */
  private String foundFor;
  private Topology foundIn;
  private long foundAt = -1;

  public FindViewModel(DocumentViewModel document, Consumer<String> reveal) {
    this.document = document;
    this.reveal = reveal;
  }

  /** The text to find (the find field edits it). */
  public StringProperty queryProperty() {
    return query;
  }

  /** "2 of 5: GUEST7", "No element's name, address or MAC matches 'x'", or "" before a search. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The ids of the elements that match now, in the design's order with exact matches first. */
  public List<String> matches() {
    refresh();
    return matches;
  }

  /** Enter: the next match (the first after the query or the design changed). */
  public void next() {
    step(1);
  }

  /** Shift+Enter: the match before. */
  public void previous() {
    step(-1);
  }

  private void step(int by) {
    boolean fresh = refresh();
    if (query.get().isBlank()) {
      message.set("Type a name, an address or a MAC");
      return;
    }
    if (matches.isEmpty()) {
      message.set("No element's name, address or MAC matches '" + query.get().trim() + "'");
      return;
    }
    at = fresh ? (by > 0 ? 0 : matches.size() - 1) : Math.floorMod(at + by, matches.size());
    String id = matches.get(at);
    reveal.accept(id);
    String name = document.topology().element(id).map(Element::name).orElse(id);
    message.set((at + 1) + " of " + matches.size() + ": " + name);
  }

  /** Finds the matches again when the query or the design changed; true when it did. */
  private boolean refresh() {
    Topology t = document.topology();
    long revision = document.stack().revision();
    if (query.get().equals(foundFor) && t == foundIn && revision == foundAt) {
      return false;
    }
    foundFor = query.get();
    foundIn = t;
    foundAt = revision;
    matches = find(t, query.get());
    at = -1;
    return true;
  }

  /** Elements matching {@code text}: exact name, id, address or MAC first, then partial ones. */
  static List<String> find(Topology t, String text) {
    String q = text.trim().toLowerCase(Locale.ROOT);
    List<String> exact = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    if (q.isEmpty()) {
      return List.of();
    }
    String mac = macDigits(q);
    for (Element e : t.elements()) {
      Match m = match(e, q, mac);
      if (m == Match.EXACT) {
        exact.add(e.id());
      } else if (m == Match.PARTIAL) {
        partial.add(e.id());
      }
    }
    exact.addAll(partial);
    return exact;
  }

  private enum Match { NONE, PARTIAL, EXACT }

  private static Match match(Element e, String q, String mac) {
    String name = e.name() == null ? "" : e.name().toLowerCase(Locale.ROOT);
    String id = e.id().toLowerCase(Locale.ROOT);
    ElementText.Words words = ElementText.of(e);
    if (name.equals(q) || id.equals(q) || words.addresses().contains(q)
        || !mac.isEmpty() && words.macs().stream().anyMatch(m -> macDigits(m).equals(mac))) {
      return Match.EXACT;
    }
    if (name.contains(q) || id.contains(q) || words.addresses().stream().anyMatch(a -> a.startsWith(q))
        || mac.length() >= 4 && words.macs().stream().anyMatch(m -> macDigits(m).contains(mac))) {
      return Match.PARTIAL;
    }
    return Match.NONE;
  }

  /**
   * The hex digits of a MAC as typed ("52:54:00:AB", "52-54-00-ab", "525400ab"), or "" when the text
   * is not written like (part of) one: a name such as "bridge" is not searched among MACs.
   */
  static String macDigits(String text) {
    String digits = SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    return HEX.matcher(digits).matches() ? digits : "";
  }

  private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[:.-]");
  private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("[0-9a-f]{2,12}");
}

package dev.patchbay.model.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A lab network: elements, the links between them, the host's settings, and where each thing sits
 * on the canvas. Elements and links keep the order they were added in, which is the order files
 * list them in. Every mutation fires one {@link TopologyChange}; commands are the only callers in
 * the designer, so each change is undoable.
 */
public final class Topology {
  private String name;
  private String description;
  private String seed;
  private HostSettings host = HostSettings.none();
  private final Map<String, Element> elements = new LinkedHashMap<>();
  private final Map<String, Link> links = new LinkedHashMap<>();
  /** Each element's links in file order: the rules ask for them per element, a scan made them quadratic. */
  private final Map<String, List<Link>> linksByElement = new HashMap<>();
  private final Map<String, Point> layout = new LinkedHashMap<>();
  private final Map<String, Note> notes = new LinkedHashMap<>();
  private final List<Consumer<TopologyChange>> listeners = new CopyOnWriteArrayList<>();
  private NewerFields newerFields = NewerFields.NONE;

  public Topology() {
    this("untitled", "", null);
  }

  public Topology(String name, String description, String seed) {
    this.name = name;
    this.description = description;
    this.seed = seed;
  }

  // ---- reading -------------------------------------------------------------------------------

  /** What a newer minor format version wrote that this version keeps without knowing it. */
  public NewerFields newerFields() {
    return newerFields;
  }

  /** Set by the file reader; not an edit (nothing the user sees changes, nothing to undo). */
  public void keepNewerFields(NewerFields fields) {
    newerFields = java.util.Objects.requireNonNull(fields);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /**
   * The optional "seed" field of older files (which source document a sample came from, e.g. "002
   * possibility 2"); kept and written back so such files round-trip, shown nowhere.
   */
  public String seed() {
    return seed;
  }

  public HostSettings host() {
    return host;
  }

  public Collection<Element> elements() {
    return Collections.unmodifiableCollection(elements.values());
  }

  public Collection<Link> links() {
    return Collections.unmodifiableCollection(links.values());
  }

  public Collection<Note> notes() {
    return Collections.unmodifiableCollection(notes.values());
  }

  public Optional<Element> element(String id) {
    return Optional.ofNullable(elements.get(id));
  }

  public boolean contains(String id) {
    return elements.containsKey(id);
  }

  public Optional<Link> link(String id) {
    return Optional.ofNullable(links.get(id));
  }

  public <T extends Element> Stream<T> elementsOf(Class<T> type) {
    return elements.values().stream().filter(type::isInstance).map(type::cast);
  }

  /** Links with an end on the element. */
  public List<Link> linksOf(String elementId) {
    return new ArrayList<>(linksByElement.getOrDefault(elementId, List.of()));
  }

  /** Links with an end exactly on the endpoint (element and port). */
  public List<Link> linksAt(Endpoint endpoint) {
    List<Link> out = new ArrayList<>();
    for (Link l : linksByElement.getOrDefault(endpoint.element(), List.of())) {
      if (l.a().equals(endpoint) || l.b().equals(endpoint)) {
        out.add(l);
      }
    }
    return out;
  }

  public Optional<Point> position(String id) {
    return Optional.ofNullable(layout.get(id));
  }

  /** Element ids with a position, in element order. */
  public Map<String, Point> layout() {
    return Collections.unmodifiableMap(layout);
  }

  public Optional<Note> note(String id) {
    return Optional.ofNullable(notes.get(id));
  }

  // ---- listening -----------------------------------------------------------------------------

  public void addListener(Consumer<TopologyChange> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<TopologyChange> listener) {
    listeners.remove(listener);
  }

  private void fire(TopologyChange change) {
    for (Consumer<TopologyChange> l : listeners) {
      l.accept(change);
    }
  }

  // ---- editing (commands call these) ---------------------------------------------------------

  public void setMetadata(String newName, String newDescription, String newSeed) {
    this.name = newName;
    this.description = newDescription;
    this.seed = newSeed;
    fire(new TopologyChange.MetadataChanged());
  }

  public void setHost(HostSettings settings) {
    HostSettings before = host;
    host = Objects.requireNonNull(settings);
    fire(new TopologyChange.HostChanged(before, settings));
  }

  public void add(Element e, Point at) {
    if (elements.containsKey(e.id())) {
      throw new IllegalArgumentException("an element with id '" + e.id() + "' exists already");
    }
    elements.put(e.id(), e);
    if (at != null) {
      layout.put(e.id(), at);
    }
    fire(new TopologyChange.ElementAdded(e));
  }

  /** Adds an element at a position in the file's order (undo of a delete puts it back there). */
  public void insert(int index, Element e, Point at) {
    add(e, at);
    reorder(elements, e.id(), index);
  }

  /** Adds a link at a position in the file's order. */
  public void insertLink(int index, Link link) {
    connect(link);
    reorder(links, link.id(), index);
    linksByElement.clear();
    links.values().forEach(this::index);
  }

  private void index(Link l) {
    linksByElement.computeIfAbsent(l.a().element(), k -> new ArrayList<>()).add(l);
    if (!l.b().element().equals(l.a().element())) {
      linksByElement.computeIfAbsent(l.b().element(), k -> new ArrayList<>()).add(l);
    }
  }

  private void unindex(Link l) {
    for (String end : List.of(l.a().element(), l.b().element())) {
      List<Link> of = linksByElement.get(end);
      if (of != null) {
        of.remove(l);
        if (of.isEmpty()) {
          linksByElement.remove(end);
        }
      }
    }
  }

  public int indexOf(String elementId) {
    return List.copyOf(elements.keySet()).indexOf(elementId);
  }

  public int linkIndex(String linkId) {
    return List.copyOf(links.keySet()).indexOf(linkId);
  }

  private static <V> void reorder(Map<String, V> map, String key, int index) {
    if (index < 0 || index >= map.size() - 1) {
      return;
    }
    List<Map.Entry<String, V>> entries = new ArrayList<>(map.entrySet());
    Map.Entry<String, V> moved = entries.remove(entries.size() - 1);
    entries.add(index, Map.entry(moved.getKey(), moved.getValue()));
    map.clear();
    entries.forEach(en -> map.put(en.getKey(), en.getValue()));
  }

  /** Removes the element (not its links: callers remove those first, in the same command). */
  public Element remove(String id) {
    Element e = elements.remove(id);
    if (e == null) {
      throw new IllegalArgumentException("no element with id '" + id + "'");
    }
    layout.remove(id);
    fire(new TopologyChange.ElementRemoved(e));
    return e;
  }

  /** Replaces an element with an edited copy that keeps its id and place in the order. */
  public Element replace(Element after) {
    Element before = elements.get(after.id());
    if (before == null) {
      throw new IllegalArgumentException("no element with id '" + after.id() + "'");
    }
    elements.put(after.id(), after);
    fire(new TopologyChange.ElementReplaced(before, after));
    return before;
  }

  public void move(String id, Point to) {
    if (!elements.containsKey(id)) {
      throw new IllegalArgumentException("no element with id '" + id + "'");
    }
    layout.put(id, to);
    fire(new TopologyChange.Moved(id, to));
  }

  public void connect(Link link) {
    if (links.containsKey(link.id())) {
      throw new IllegalArgumentException("a link with id '" + link.id() + "' exists already");
    }
    links.put(link.id(), link);
    index(link);
    fire(new TopologyChange.LinkAdded(link));
  }

  public Link disconnect(String linkId) {
    Link l = links.remove(linkId);
    if (l == null) {
      throw new IllegalArgumentException("no link with id '" + linkId + "'");
    }
    unindex(l);
    fire(new TopologyChange.LinkRemoved(l));
    return l;
  }

  /** Adds a note, or replaces the one with its id in its place in the file's order (an edit or a move). */
  public void putNote(Note note) {
    notes.put(note.id(), note);
    fire(new TopologyChange.NoteChanged(note.id()));
  }

  /** Adds a note at a position in the file's order (undo of a delete puts it back there). */
  public void insertNote(int index, Note note) {
    if (notes.containsKey(note.id())) {
      throw new IllegalArgumentException("a note with id '" + note.id() + "' exists already");
    }
    notes.put(note.id(), note);
    reorder(notes, note.id(), index);
    fire(new TopologyChange.NoteChanged(note.id()));
  }

  public Note removeNote(String id) {
    Note n = notes.remove(id);
    if (n == null) {
      throw new IllegalArgumentException("no note with id '" + id + "'");
    }
    fire(new TopologyChange.NoteChanged(id));
    return n;
  }

  public int noteIndex(String noteId) {
    return List.copyOf(notes.keySet()).indexOf(noteId);
  }

  // ---- ids -----------------------------------------------------------------------------------

  /** The first id of the form prefix+N (N from 0 or 1) that no element, link or note uses. */
  public String freshId(String prefix) {
    for (int i = 0; ; i++) {
      String candidate = prefix + i;
      if (!elements.containsKey(candidate) && !links.containsKey(candidate) && !notes.containsKey(candidate)) {
        return candidate;
      }
    }
  }

  /** The first name of the form prefix+N that no element uses as its name. */
  public String freshName(String prefix) {
    for (int i = 0; ; i++) {
      String candidate = prefix + i;
      if (elements.values().stream().noneMatch(e -> candidate.equals(e.name()))) {
        return candidate;
      }
    }
  }
}

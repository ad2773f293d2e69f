package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.text.Counted;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.edit.AddElementCommand;
import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.CompoundCommand;
import dev.patchbay.model.edit.ConnectCommand;
import dev.patchbay.model.edit.MoveCommand;
import dev.patchbay.model.edit.RemoveCommand;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Wiring;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the canvas's gestures and keys do to the document. Each method pushes at most one command,
 * so each gesture is one undo step; refusals land in {@link #statusProperty()} with the reason.
 */
public final class CanvasViewModel {
  private final DocumentViewModel document;
  private final SelectionModel selection = new SelectionModel();
  private final ElementFactory factory;
  private final PasteBuilder pasteBuilder;
  private final NoteEdits notes;
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty snapToGrid = new SimpleBooleanProperty(true);
  private Clip clipboard = new Clip(java.util.List.of(), java.util.List.of(), Map.of());

  public CanvasViewModel(DocumentViewModel document, Random random) {
    this.document = document;
    this.factory = new ElementFactory(random);
    this.pasteBuilder = new PasteBuilder(factory);
    this.notes = new NoteEdits(document, selection, status);
    dev.patchbay.app.designer.document.LastActionMessage.clearOnNextEdit(document, status);
    document.addReplaceListener(t -> selection.clear());
    // Only a removal can leave a selected id dangling; collecting every id per change (500 for
    // one move) cost more than the move itself.
    document.addChangeListener(c -> {
      if (c instanceof dev.patchbay.model.topology.TopologyChange.ElementRemoved
          || c instanceof dev.patchbay.model.topology.TopologyChange.LinkRemoved
          || c instanceof dev.patchbay.model.topology.TopologyChange.NoteChanged n
          && document.topology().note(n.noteId()).isEmpty()) {
        selection.retain(idsIn(document.topology()));
      }
    });
  }

  private static Set<String> idsIn(Topology t) {
    Set<String> ids = new LinkedHashSet<>();
    t.elements().forEach(e -> ids.add(e.id()));
    t.links().forEach(l -> ids.add(l.id()));
    t.notes().forEach(n -> ids.add(n.id()));
    return ids;
  }

  public Topology topology() {
    return document.topology();
  }

  public DocumentViewModel document() {
    return document;
  }

  public SelectionModel selection() {
    return selection;
  }

  public ElementFactory factory() {
    return factory;
  }

  /** A palette drop: a new element of the kind, placed near the point where nothing overlaps it. */
  public Element addElement(ElementKind kind, Point at) {
    Element e = factory.create(kind, topology());
    Point place = new Placement(topology()).freeNear(e, snapped(at));
    document.push(new AddElementCommand(e, place));
    selection.select(e.id());
    status.set("Added " + e.kind().label().toLowerCase(java.util.Locale.ROOT) + " " + e.name());
    return e;
  }

  /** Why a wire between the two endpoints would be refused, or empty if it may be drawn. */
  public Optional<String> refuse(Endpoint from, Endpoint to) {
    return Wiring.refuse(topology(), from, to);
  }

  /**
   * Mid-wire, the pointer over {@code over}: why a drop there would be refused (the very reason
   * {@link #connect} would give), or empty where it would be linked, or over the port the wire left.
   */
  public Optional<String> wireRefusal(Endpoint from, Endpoint over) {
    return over.equals(from) ? Optional.empty() : refuse(from, over);
  }

  /** A finished wire gesture; false (and the reason in the status bar) when refused. */
  public boolean connect(Endpoint from, Endpoint to) {
    Optional<String> why = refuse(from, to);
    if (why.isPresent()) {
      status.set("Cannot link " + from + " to " + to + ": " + why.get());
      return false;
    }
    Link link = new Link(topology().freshId("l"), from, to);
    document.push(new ConnectCommand(link));
    status.set("Linked " + from + " to " + to);
    return true;
  }

  /**
   * A finished move drag: the elements and notes move by the offset (snapped) as one step; false
   * if none moved.
   */
  public boolean moveBy(Set<String> ids, double dx, double dy) {
    Map<String, Point> from = new LinkedHashMap<>();
    Map<String, Point> to = new LinkedHashMap<>();
    for (String id : ids) {
      if (topology().contains(id)) {
        Point p = Positions.of(topology(), id);
        from.put(id, p);
        to.put(id, snapped(p.translate(dx, dy)));
      }
    }
    Optional<Command> notesMove = notes.moveBy(ids, dx, dy, this::snapped);
    Optional<Command> elementsMove = to.equals(from) ? Optional.empty() : Optional.of(new MoveCommand(from, to, false));
    return push(elementsMove, notesMove, "Move " + Counted.of(ids.size(), "item"));
  }

  /** Pushes whichever of the two parts there are as one step. */
  private boolean push(Optional<Command> elements, Optional<Command> notesPart, String bothDescription) {
    if (elements.isPresent() && notesPart.isPresent()) {
      document.push(new CompoundCommand(bothDescription, java.util.List.of(elements.get(), notesPart.get())));
    } else if (elements.isPresent() || notesPart.isPresent()) {
      document.push(elements.or(() -> notesPart).get());
    } else {
      return false;
    }
    return true;
  }

  /** Arrow keys (elements and notes): repeated nudges of the same selection merge into one undo step. */
  public void nudge(double dx, double dy) {
    Map<String, Point> from = new LinkedHashMap<>();
    Map<String, Point> to = new LinkedHashMap<>();
    for (String id : selection.snapshot()) {
      if (topology().contains(id)) {
        Point p = Positions.of(topology(), id);
        from.put(id, p);
        to.put(id, p.translate(dx, dy));
      }
    }
    Optional<Command> elements = to.isEmpty() ? Optional.empty() : Optional.of(new MoveCommand(from, to, true));
    push(elements, notes.nudge(selection.snapshot(), dx, dy), "Move " + Counted.of(selection.snapshot().size(), "item"));
  }

  public void deleteSelection() {
    Set<String> elements = new LinkedHashSet<>();
    Set<String> links = new LinkedHashSet<>();
    for (String id : selection.snapshot()) {
      if (topology().contains(id)) {
        elements.add(id);
      } else if (topology().link(id).isPresent()) {
        links.add(id);
      }
    }
    Optional<Command> removeElements = elements.isEmpty() && links.isEmpty() ? Optional.empty()
        : Optional.of(new RemoveCommand(elements, links));
    if (push(removeElements, notes.delete(selection.snapshot()), "Delete " + Counted.of(selection.snapshot().size(), "item"))) {
      selection.clear();
    }
  }

  public void selectAll() {
    java.util.List<String> all = new java.util.ArrayList<>(topology().elements().stream().map(Element::id).toList());
    topology().notes().forEach(n -> all.add(n.id()));
    selection.selectAll(all);
  }

  /** The notes' edits: add, edit text (moves and deletes go with the selection above). */
  public NoteEdits notes() {
    return notes;
  }

  public void copy() {
    Clip clip = Clip.of(topology(), selection.snapshot());
    if (!clip.isEmpty()) {
      clipboard = clip;
      status.set("Copied " + Counted.of(clip.elements().size(), "element"));
    }
  }

  public void paste() {
    if (clipboard.isEmpty()) {
      return;
    }
    PasteBuilder.Paste p = pasteBuilder.build(clipboard, topology());
    document.push(p.command());
    selection.selectAll(p.ids());
    // A second paste lands beside the first, not on top of it.
    clipboard = Clip.of(topology(), Set.copyOf(p.ids()));
  }

  public void duplicate() {
    Clip clip = Clip.of(topology(), selection.snapshot());
    if (!clip.isEmpty()) {
      PasteBuilder.Paste p = pasteBuilder.build(clip, topology());
      document.push(p.command());
      selection.selectAll(p.ids());
    }
  }

  public void align(Alignment how) {
    new Aligner(topology()).command(selection.snapshot(), how).ifPresent(document::push);
  }

  Point snapped(Point p) {
    return snapToGrid.get() ? new Point(NodeGeometry.snap(p.x()), NodeGeometry.snap(p.y())) : p;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty snapToGridProperty() {
    return snapToGrid;
  }
}

package dev.patchbay.app.designer.canvas;

import dev.patchbay.app.designer.problems.ProblemsViewModel;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Pane;

/**
 * The drawing: a projection of the document's topology, one handler per kind of model change.
 * It holds no state the model lacks except the selection marks and what a gesture shows mid-way.
 */
public final class CanvasView extends Viewport {
  private final CanvasViewModel vm;
  private final ProblemsViewModel problems;
  private final HostContainerView host = new HostContainerView();
  private final Group linkLayer = new Group();
  private final Group nodeLayer = new Group();
  private final Pane overlay = new Pane();
  private final WireBatch batch = new WireBatch();
  private final DragLayers dragLayers = new DragLayers();
  private final SelectionMarks marks = new SelectionMarks();
  private final WireRefusalCallout wireRefusal = new WireRefusalCallout();
  private final NotesLayer notes;
  private final StartHint startHint = new StartHint();
  /** The selection marks of an overview are redrawn once per pulse, in the layout pass. */
  private boolean marksStale;
  /** The batch of plain wires is redrawn once per pulse, in the layout pass, however many wires changed. */
  private boolean batchStale;
  private final Map<String, NodeView> nodes = new LinkedHashMap<>();
  private final Map<String, LinkView> links = new LinkedHashMap<>();
  private final LiveLook live = new LiveLook(nodes, links);
  private final ReachPathLayer reachPath = new ReachPathLayer(nodes, links);
  /** The width of the wires' pick band at the zoom the view last settled at (see {@link LinkView#pickWidth}). */
  private double pickWidth = LinkView.pickWidth(1);
  private Runnable cancelGesture = () -> { };
  private boolean geometryStale;
  /** What the command under way added, replaced or moved: its wires are re-routed when it ends. */
  private final Set<String> staleElements = new HashSet<>();
  private final Set<String> staleLinks = new HashSet<>();
  /** During a drag: whether a host interface is dragged (the host box then follows). */
  private boolean movedHost;

  public CanvasView(CanvasViewModel vm, ProblemsViewModel problems) {
    this.vm = vm;
    this.problems = problems;
    this.notes = new NotesLayer(vm.selection());
    setId("canvas");
    getStyleClass().add("canvas");
    overlay.setPickOnBounds(false);
    drawing().getChildren().addAll(host, notes.layer(), batch, linkLayer, dragLayers.stretchedLayer(), nodeLayer, marks.layer(),
        live.trafficLayer(), reachPath.layer(),
        overlay);
    getChildren().add(startHint);
    getChildren().add(wireRefusal);
    vm.document().addChangeListener(this::changed);
    vm.document().addEditListener(() -> {
      if (geometryStale) {
        refreshStaleGeometry();
      }
    });
    vm.document().addReplaceListener(t -> rebuild());
    vm.selection().ids().addListener((SetChangeListener<String>) this::selectionChanged);
    problems.diagnostics().addListener((ListChangeListener<Object>) c -> showProblems());
    rebuild();
  }

  private void rebuild() {
    endMove();
    nodes.clear();
    links.clear();
    nodeLayer.getChildren().clear();
    linkLayer.getChildren().clear();
    live.clear();
    reachPath.clear();
    Map<String, Point> at = Positions.all(topology());
    fitAhead(Positions.boxes(topology(), at), new javafx.geometry.Dimension2D(1000, 700));
    topology().elements().forEach(e -> addNode(e, at.get(e.id())));
    topology().links().forEach(this::addLink);
    notes.rebuild(topology());
    refreshGeometry();
    showProblems();
    showSelection();
    fitLater();
    batchStale();
    startHint.follow(nodes.size());
  }

  private void batchStale() {
    if (!batchStale) {
      batchStale = true;
      requestLayout();
    }
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    startHint.centreIn(getWidth(), getHeight());
    if (batchStale) {
      batchStale = false;
      batch.redraw(links.values(), dragLayers.movedWires());
    }
    if (marksStale) {
      marksStale = false;
      List<NodeView> selected = vm.selection().ids().stream().map(nodes::get).filter(n -> n != null).toList();
      marks.redraw(selected, Set.copyOf(dragLayers.movedNodes()), isOverview());
    }
  }

  private void marksStale() {
    if (!marksStale) {
      marksStale = true;
      requestLayout();
    }
  }

  private void changed(TopologyChange c) {
    if (c instanceof TopologyChange.ElementAdded a) {
      addNode(a.element());
      staleElements.add(a.element().id());
    } else if (c instanceof TopologyChange.ElementRemoved r) {
      detach(nodes.remove(r.element().id()));
    } else if (c instanceof TopologyChange.ElementReplaced r) {
      nodes.get(r.after().id()).update(r.after());
      staleElements.add(r.after().id());
    } else if (c instanceof TopologyChange.LinkAdded a) {
      addLink(a.link());
      staleLinks.add(a.link().id());
    } else if (c instanceof TopologyChange.LinkRemoved r) {
      LinkView gone = links.remove(r.link().id());
      detach(gone);
      forgetWire(r.link());
      live.forget(gone);
      batchStale();
    } else if (c instanceof TopologyChange.Moved m) {
      place(nodes.get(m.id()), m.to());
      staleElements.add(m.id());
    } else if (c instanceof TopologyChange.NoteChanged n) {
      notes.follow(topology(), n.noteId());
    }
    // Wires and the host box follow once the whole command is done: a move of 500 elements fires
    // 500 changes, and re-routing every wire for each of them froze the window.
    geometryStale = true;
    marksStale();
    startHint.follow(nodes.size());
  }

  /** A removed link's ends free the ports only it used. */
  private void forgetWire(Link l) {
    for (Endpoint end : List.of(l.a(), l.b())) {
      NodeView n = nodes.get(end.element());
      if (n != null) {
        n.detachWire(l.id());
      }
    }
  }

  /** Removes a view from whichever layer holds it (a dragged one sits in a drag layer). */
  private static void detach(javafx.scene.Node view) {
    if (view != null && view.getParent() instanceof Group g) {
      g.getChildren().remove(view);
    }
  }

  /** A drag of these elements starts: their wires are drawn as one path until it ends (see {@link DragLayers}). */
  public void beginMove(Collection<String> ids) {
    if (dragLayers.isActive()) {
      return;
    }
    notes.lift(ids);
    List<NodeView> moved = new ArrayList<>();
    Set<LinkView> wires = new LinkedHashSet<>();
    movedHost = false;
    for (String id : ids) {
      NodeView n = nodes.get(id);
      if (n == null) {
        continue;
      }
      moved.add(n);
      movedHost |= n.element().isHostInterface();
      for (Link l : topology().linksOf(id)) {
        LinkView v = links.get(l.id());
        if (v != null) {
          wires.add(v);
        }
      }
    }
    dragLayers.lift(moved, wires);
    marksStale();
    batch.redraw(links.values(), dragLayers.movedWires());
  }

  /** Mid-drag: the dragged elements are drawn moved by the offset; only the wires to them follow. */
  public void dragMovedBy(double dx, double dy) {
    dragLayers.offset(dx, dy);
    notes.offset(dx, dy);
    marks.offset(dx, dy);
    routeStretched();
    dragLayers.selfRouted().forEach(this::route);
    if (movedHost) {
      host.refresh(topology(), nodes);
    }
    live.placeLabels();
  }

  /** Routes the dragged plain wires from where their ends are drawn now. */
  private void routeStretched() {
    StretchedWires path = dragLayers.stretchedPath();
    List<LinkView> plain = path.wires();
    for (int i = 0; i < plain.size(); i++) {
      Link l = plain.get(i).link();
      NodeView a = nodes.get(l.a().element());
      NodeView b = nodes.get(l.b().element());
      if (a != null && b != null) {
        path.route(i, a.wireEnd(l.a(), l.id(), b, l.b()), b.wireEnd(l.b(), l.id(), a, l.a()));
      }
    }
  }

  /** The drag ended (dropped or cancelled): nodes and wires are drawn as before it. */
  public void endMove() {
    notes.drop();
    if (dragLayers.isActive()) {
      dragLayers.drop();
      marks.offset(0, 0);
      marksStale();
      batchStale();
    }
  }

  private Topology topology() {
    return vm.topology();
  }

  /** Zoomed out past {@link #OVERVIEW_ZOOM} or back in: every node, wire and the host box follow. */
  @Override
  protected void overviewChanged(boolean on) {
    nodes.values().forEach(n -> n.setOverview(on));
    links.values().forEach(l -> l.setOverview(on));
    NodeDetails.apply(nodes.values(), on, shownArea());
    wireLook(on);
    if (dragLayers.isActive()) {
      routeStretched();
    }
    host.setOverview(on);
    host.refresh(topology(), nodes);
    notes.setOverview(on);
    batchStale();
    marksStale();
  }

  /** Where the view came to rest, nodes show their details; an overview's wires are one pixel wide. */
  @Override
  protected void viewSettled() {
    NodeDetails.apply(nodes.values(), isOverview(), shownArea());
    widenPickBands();
    if (isOverview()) {
      wireLook(true);
    }
  }

  /** Both shared wire paths (the plain wires, a drag's) in full detail or as an overview at this zoom. */
  private void wireLook(boolean overview) {
    batch.setOverview(overview, zoomFactor());
    dragLayers.stretchedPath().setOverview(overview, zoomFactor());
  }

  private void addNode(Element e) {
    addNode(e, Positions.of(topology(), e.id()));
  }

  /** Made in the look of the zoom, its details left out before it joins the scene where none are wanted. */
  private void addNode(Element e, Point at) {
    NodeView n = NodeViews.create(e);
    n.setOverview(isOverview());
    place(n, at);
    n.setDetailed(getWidth() > 0 ? NodeDetails.wanted(n, isOverview(), shownArea()) : !isOverview());
    nodes.put(e.id(), n);
    nodeLayer.getChildren().add(n);
  }

  private static void place(NodeView n, Point p) {
    n.relocate(p.x(), p.y());
  }

  /** A click a few pixels off a wire still picks it, at whatever zoom the view came to rest. */
  private void widenPickBands() {
    double w = LinkView.pickWidth(zoomFactor());
    if (w != pickWidth) {
      pickWidth = w;
      links.values().forEach(l -> l.setPickWidth(w));
    }
  }

  /** Draws the Reachability cell the user selected on the design; null clears it. */
  public void showReachPath(dev.patchbay.app.designer.reach.ReachPath path) {
    reachPath.show(path);
    batchStale(); // lit wires leave the shared path, cleared ones return to it
  }

  private void addLink(Link l) {
    LinkView v = new LinkView(l);
    v.setPickWidth(pickWidth);
    v.setOverview(isOverview());
    links.put(l.id(), v);
    batchStale();
    linkLayer.getChildren().add(v);
  }

  /** Re-routes every wire and redraws the host box from the nodes' current places. */
  public void refreshGeometry() {
    geometryStale = false;
    staleElements.clear();
    staleLinks.clear();
    links.values().forEach(this::route);
    host.refresh(topology(), nodes);
    live.placeLabels();
  }

  /**
   * After a command: re-routes only the wires of what it added, replaced or moved (a drop of 500
   * nodes re-routed all 3,000 wires); the host box is redrawn once, as any edit may change it.
   */
  private void refreshStaleGeometry() {
    geometryStale = false;
    Set<String> wires = new HashSet<>(staleLinks);
    for (String id : staleElements) {
      topology().linksOf(id).forEach(l -> wires.add(l.id()));
    }
    staleElements.clear();
    staleLinks.clear();
    for (String id : wires) {
      LinkView v = links.get(id);
      if (v != null) {
        route(v);
      }
    }
    host.refresh(topology(), nodes);
    live.placeLabels();
  }

  /**
   * Mid-drag: re-routes only the wires of the moved elements, and redraws the host box only when a
   * host interface moved; the other wires of a 3,000-wire design stay as they are.
   */
  public void refreshGeometry(Collection<String> moved) {
    boolean hostMoved = false;
    for (String id : moved) {
      for (Link l : topology().linksOf(id)) {
        LinkView v = links.get(l.id());
        if (v != null) {
          route(v);
        }
      }
      hostMoved |= topology().element(id).filter(Element::isHostInterface).isPresent();
    }
    if (hostMoved) {
      host.refresh(topology(), nodes);
    }
  }

  private void route(LinkView v) {
    NodeView a = nodes.get(v.link().a().element());
    NodeView b = nodes.get(v.link().b().element());
    if (a != null && b != null) {
      Link l = v.link();
      v.setEnds(a.wireEnd(l.a(), l.id(), b, l.b()), b.wireEnd(l.b(), l.id(), a, l.a()));
      if (v.isBatched() || !v.isPlain()) {
        batchStale();
      }
    }
  }

  private void showSelection() {
    nodes.forEach((id, n) -> n.setSelected(vm.selection().contains(id)));
    links.forEach((id, l) -> l.setSelected(vm.selection().contains(id)));
    marksStale();
  }

  /** Marks only what the change added or removed: selecting 500 nodes fires 500 changes. */
  private void selectionChanged(SetChangeListener.Change<? extends String> c) {
    String id = c.wasAdded() ? c.getElementAdded() : c.getElementRemoved();
    boolean on = vm.selection().contains(id);
    NodeView n = nodes.get(id);
    if (n != null) {
      n.setSelected(on);
      marksStale();
    }
    LinkView l = links.get(id);
    if (l != null) {
      l.setSelected(on);
      batchStale();
    }
  }

  private void showProblems() {
    Map<String, Severity> worst = problems.worstByElement();
    Map<String, String> messages = problems.messagesByElement();
    nodes.forEach((id, n) -> n.setBadge(worst.get(id), messages.getOrDefault(id, "")));
    links.forEach((id, l) -> l.setProblem(worst.get(id) == Severity.ERROR));
    batchStale();
  }

  /** Shows a running lab's counters on every wire, with their rates by link id; null leaves live mode. */
  public void showTraffic(dev.patchbay.model.counters.CounterSnapshot snapshot,
      Map<String, dev.patchbay.app.designer.live.LinkRates> rates) {
    live.traffic(snapshot, rates);
    refreshGeometry();
  }

  public void showGuestStates(java.util.Map<String, dev.patchbay.backends.lab.LabService.GuestState> byName) {
    live.guestStates(byName);
  }

  public void showCut(java.util.Set<String> cut) {
    live.cut(cut);
    batchStale();
  }

  public void setOnCancelGesture(Runnable r) {
    cancelGesture = r;
  }

  /** Escape: abandons a drag, wire or marquee under way. */
  public void cancelGesture() {
    cancelGesture.run();
  }

  public NodeView node(String id) {
    return nodes.get(id);
  }

  public Collection<NodeView> nodes() {
    return nodes.values();
  }

  public Collection<LinkView> links() {
    return links.values();
  }

  public LinkView link(String id) {
    return links.get(id);
  }

  public NoteView note(String id) {
    return notes.view(id);
  }

  public Collection<NoteView> notes() {
    return notes.views();
  }

  public Pane overlay() {
    return overlay;
  }

  /** Mid-wire: says next to the endpoint's port why a drop there would be refused. */
  public void showWireRefusal(Endpoint at, String reason) {
    NodeView n = nodes.get(at.element());
    if (n == null) {
      hideWireRefusal();
      return;
    }
    wireRefusal.show(reason, drawing().localToParent(n.anchor(at)), getWidth());
  }

  public void hideWireRefusal() {
    wireRefusal.hide();
  }

  /** The endpoint under a point in canvas units, topmost node first. */
  public Optional<Endpoint> endpointAt(Point2D p) {
    List<NodeView> order = new ArrayList<>(nodes.values());
    for (int i = order.size() - 1; i >= 0; i--) {
      Optional<Endpoint> e = order.get(i).endpointAt(p);
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  /** Brings the elements (or the notes) into view and selects them (a click in the Problems list). */
  public void reveal(List<String> ids) {
    List<NodeView> shown = ids.stream().map(nodes::get).filter(n -> n != null).toList();
    vm.selection().selectAll(ids.stream()
        .filter(id -> nodes.containsKey(id) || links.containsKey(id) || notes.view(id) != null).toList());
    NoteView note = ids.stream().map(notes::view).filter(n -> n != null).findFirst().orElse(null);
    if (shown.isEmpty() && note != null) {
      centreOn(note.getBoundsInParent());
    } else {
      centreOn(shown);
    }
  }

  /** Width and height of the drawing in canvas units (for an export at 100%). */
  public double[] contentSize() {
    javafx.geometry.Bounds b = NotesLayer.union(bounds(nodes.values()), notes.bounds());
    return b == null ? new double[] {0, 0} : new double[] {b.getWidth(), b.getHeight()};
  }

  /** The notes and the host box (its title and settings stand above its interfaces). */
  @Override
  protected javafx.geometry.Bounds otherContent() {
    return NotesLayer.union(notes.bounds(), host.getChildren().isEmpty() ? null : host.getBoundsInParent());
  }

  @Override
  protected Collection<NodeView> contentNodes() {
    return nodes.values();
  }
}

package dev.patchbay.app.designer;

import dev.patchbay.app.designer.canvas.AutoLayoutViewModel;
import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.gesture.CanvasGestures;
import dev.patchbay.app.designer.disk.DiskImagesViewModel;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.app.designer.host.HostSettingsView;
import dev.patchbay.app.designer.host.HostSettingsViewModel;
import dev.patchbay.app.designer.look.ThemeStyles;
import dev.patchbay.app.designer.look.ThemeViewModel;
import dev.patchbay.app.designer.palette.PaletteView;
import dev.patchbay.app.designer.problems.ProblemsView;
import dev.patchbay.app.designer.problems.ProblemsViewModel;
import dev.patchbay.app.designer.properties.PropertiesView;
import dev.patchbay.app.designer.properties.PropertiesViewModel;
import dev.patchbay.model.check.Validator;
import java.util.List;
import java.util.Random;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import dev.patchbay.app.designer.reach.ReachabilityView;
import dev.patchbay.app.designer.reach.ReachabilityViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The designer's main window: palette, canvas, panels, menus and status bar around one document. */
public final class DesignerWindow {
  private final DocumentViewModel document = new DocumentViewModel();
  private final CanvasViewModel canvasVm;
  private final ProblemsViewModel problemsVm;
  private final DiskImagesViewModel disks;
  private final PropertiesViewModel propertiesVm;
  private final HostSettingsViewModel hostVm;
  private final CanvasView canvas;
  private final ReachabilityViewModel reachVm;
  private final dev.patchbay.app.designer.live.LiveCountersViewModel liveCounters =
      new dev.patchbay.app.designer.live.LiveCountersViewModel();
  private final dev.patchbay.app.designer.lab.LabViewModel labVm = new dev.patchbay.app.designer.lab.LabViewModel(
      dev.patchbay.app.lab.AgentProcess::start,
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "patchbay-lab");
        t.setDaemon(true);
        return t;
      }),
      javafx.application.Platform::runLater, liveCounters);
  private final PaletteView palette;
  private final FileActions files;
  private final DesignerActions actions;
  private final KeyBindings keys;
  private final CanvasContextMenu contextMenus;
  /** The Properties and Host tabs: the Properties action brings its tab forward. */
  private TabPane panels;
  private final dev.patchbay.app.designer.find.FindViewModel findVm;
  private final dev.patchbay.app.designer.find.FindBar findBar;
  private final dev.patchbay.app.designer.canvas.Minimap minimap;
  private final Scene scene;

  private final ThemeViewModel theme;

  /** A window in the light theme that remembers no theme choice (tests, and callers with no user). */
  public DesignerWindow(Stage stage, Validator validator, Random random, RecentFiles recent) {
    this(stage, validator, random, recent, ThemeViewModel.light());
  }

  public DesignerWindow(Stage stage, Validator validator, Random random, RecentFiles recent, ThemeViewModel theme) {
    this.theme = theme;
    ThemeStyles.applyAgentSheet(theme.appearanceProperty().get()); // before any control: Modena is never parsed
    canvasVm = new CanvasViewModel(document, random);
    disks = new DiskImagesViewModel(document);
    problemsVm = new ProblemsViewModel(document, withDiskCheck(validator));
    document.fileProperty().addListener((o, was, now) -> {
      if (problemsVm.validates(document.topology())) {
        problemsVm.revalidate(); // saved elsewhere: the images are looked for in the new folder
      }
    });
    propertiesVm = new PropertiesViewModel(document, canvasVm);
    hostVm = new HostSettingsViewModel(document);
    canvas = new CanvasView(canvasVm, problemsVm);
    CanvasGestures gestures = new CanvasGestures(canvas, canvasVm);
    gestures.install();
    reachVm = new ReachabilityViewModel(document, daemonThread("patchbay-reachability"),
        javafx.application.Platform::runLater);
    reachVm.selectedPathProperty().addListener((o, was, now) -> canvas.showReachPath(now));
    showLiveLab();
    Pane dragLayer = new Pane();
    dragLayer.setMouseTransparent(true);
    palette = new PaletteView(canvas, canvasVm, dragLayer);
    MenuBuilder menus = new MenuBuilder(recent);
    files = new FileActions(document, recent, stage, menus::refreshRecent);
    files.setStatus(canvasVm.statusProperty()::set);
    AutoLayoutViewModel layoutVm = new AutoLayoutViewModel(document, daemonThread("patchbay-layout"),
        javafx.application.Platform::runLater, canvasVm.statusProperty()::set);
    CanvasControls controls = new CanvasControls(canvas, palette);
    actions = new DesignerActions(document, canvasVm, layoutVm, files, controls, labVm,
        new LabDialogs(document, canvasVm, labVm, reachVm, stage, disks), new DiskDialogs(canvasVm, disks, stage),
        new dev.patchbay.app.designer.help.HelpDialogs(stage));
    actions.panels(() -> panels.getSelectionModel().select(0));
    actions.theme(theme);
    layoutVm.setOnLaidOut(canvas::fitToWindow);
    findVm = new dev.patchbay.app.designer.find.FindViewModel(document, this::showFound);
    findBar = new dev.patchbay.app.designer.find.FindBar(findVm);
    findBar.setOnClose(canvas::requestFocus);
    minimap = new dev.patchbay.app.designer.canvas.Minimap(canvas, document);
    actions.bigLabs(findBar::open, findVm, minimap.wantedProperty());
    gestures.setOnOpenNote(actions.get("EditNote")::perform);
    gestures.setOnOpenElement(id -> {
      if (labVm.stateProperty().get() == dev.patchbay.app.designer.lab.LabViewModel.State.LIVE && document.topology().element(id)
          .filter(e -> e instanceof dev.patchbay.model.topology.Guest).isPresent()) {
        actions.get("Console").perform();
      }
    });
    keys = new KeyBindings(List.of(actions.get("CancelGesture")), actions.nudges());
    contextMenus = CanvasContextMenu.install(canvas, gestures, canvasVm, actions, controls);
    BorderPane root = new BorderPane();
    root.setTop(new VBox(menus.build(actions, files::openRecent), ToolBarBuilder.build(actions),
        new dev.patchbay.app.designer.lab.ApplyProgressView(labVm.progress()),
        new dev.patchbay.app.designer.lab.ConfirmBannerView(labVm.confirmation())));
    root.setCenter(center());
    root.setBottom(statusBar());
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    StackPane window = new StackPane(root, dragLayer);
    // its own background: ControlsFX's validation puts a DecorationPane above it as the scene's root,
    // which has none, and the panels showed the scene's white fill through in the dark theme
    window.getStyleClass().add("designer-window");
    scene = new Scene(window, Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight()));
    scene.getStylesheets().add(DesignerWindow.class.getResource("/assets/patchbay.css").toExternalForm());
    ThemeStyles.install(scene, theme);
    keys.install(scene);
    new WindowBehaviour(files, labVm::close).install(stage, scene);
    stage.titleProperty().bind(document.titleProperty());
    stage.setScene(scene);
  }

  /** The caller's rules plus the disk check, which looks in the document's folder. */
  private Validator withDiskCheck(Validator validator) {
    List<dev.patchbay.model.check.Rule> rules = new java.util.ArrayList<>(validator.rules());
    rules.removeIf(r -> r instanceof dev.patchbay.model.check.rules.DiskImageRule);
    rules.add(disks.rule());
    return new Validator(rules);
  }

  /** A running lab's guests, counters and cut links show on the canvas; a new document clears them. */
  private void showLiveLab() {
    labVm.guestStates().addListener((javafx.collections.MapChangeListener<String,
        dev.patchbay.backends.lab.LabService.GuestState>) c ->
        canvas.showGuestStates(labVm.guestStates()));
    liveCounters.snapshotProperty().addListener((o, was, now) -> canvas.showTraffic(now, liveCounters.rates()));
    liveCounters.cutLinks().addListener(
        (javafx.collections.SetChangeListener<String>) c -> canvas.showCut(liveCounters.cutLinks()));
    document.addReplaceListener(t -> liveCounters.clear());
  }

  private SplitPane center() {
    ScrollPane paletteScroll = new ScrollPane(palette);
    paletteScroll.setFitToWidth(true);
    paletteScroll.getStyleClass().add("palette-scroll");
    TabPane top = new TabPane(
        tab("Properties", "propertiesTab", new ScrollPane(new PropertiesView(propertiesVm))),
        tab("Host", "hostTab", new ScrollPane(new HostSettingsView(hostVm))));
    panels = top;
    ((ScrollPane) top.getTabs().get(0).getContent()).setFitToWidth(true);
    ((ScrollPane) top.getTabs().get(1).getContent()).setFitToWidth(true);
    ReachabilityView reach = new ReachabilityView(reachVm);
    reach.setId("reachability");
    TabPane bottom = new TabPane(
        tab("Problems", "problemsTab", new ProblemsView(problemsVm, canvas::reveal)),
        tab("Reachability", "reachabilityTab", reach));
    SplitPane side = new SplitPane(top, bottom);
    side.setOrientation(Orientation.VERTICAL);
    side.setDividerPositions(0.58);
    SplitPane split = new SplitPane(paletteScroll, canvasWithOverlays(), side);
    split.setDividerPositions(0.13, 0.71);
    SplitPane.setResizableWithParent(paletteScroll, false);
    return split;
  }

  /** A match of Find: selected, and the view's middle on the middle of its box (at the same zoom). */
  private void showFound(String id) {
    canvas.reveal(List.of(id));
    var n = canvas.node(id);
    if (n != null) {
      canvas.centreAt(new javafx.geometry.Point2D(n.getLayoutX() + n.getPrefWidth() / 2,
          n.getLayoutY() + n.getPrefHeight() / 2));
    }
  }

  /** The canvas with the find bar over its top right corner and the minimap in its bottom right one. */
  private StackPane canvasWithOverlays() {
    StackPane stack = new StackPane(canvas, minimap, findBar);
    StackPane.setAlignment(minimap, javafx.geometry.Pos.BOTTOM_RIGHT);
    StackPane.setAlignment(findBar, javafx.geometry.Pos.TOP_RIGHT);
    StackPane.setMargin(minimap, new javafx.geometry.Insets(10));
    StackPane.setMargin(findBar, new javafx.geometry.Insets(8));
    stack.setMinSize(0, 0);
    return stack;
  }

  /** The zoom in percent, following every zoom step (the wheel, the View menu, Fit). */
  private Label zoomLabel() {
    Label zoom = new Label();
    zoom.setId("statusZoom");
    zoom.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> Math.round(canvas.zoomValue().get() * 100) + "%", canvas.zoomValue()));
    return zoom;
  }

  /**
   * One daemon thread for work computed off the FX thread so edits never wait for it (the
   * reachability matrix, an automatic layout).
   */
  private static java.util.concurrent.Executor daemonThread(String name) {
    return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  private static Tab tab(String title, String id, javafx.scene.Node content) {
    Tab t = new Tab(title, content);
    t.setId(id);
    t.setClosable(false);
    return t;
  }

  private HBox statusBar() {
    Label status = new Label();
    status.setId("status");
    status.textProperty().bind(canvasVm.statusProperty());
    Label summary = new Label();
    summary.setId("statusProblems");
    summary.textProperty().bind(problemsVm.summaryProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Label lab = new Label();
    lab.setId("statusLab");
    lab.textProperty().bind(labVm.statusProperty());
    HBox bar = new HBox(16, status, gap, lab, summary, zoomLabel());
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  public DocumentViewModel document() {
    return document;
  }

  public CanvasViewModel canvasViewModel() {
    return canvasVm;
  }

  public ProblemsViewModel problemsViewModel() {
    return problemsVm;
  }

  public PropertiesViewModel propertiesViewModel() {
    return propertiesVm;
  }

  public HostSettingsViewModel hostViewModel() {
    return hostVm;
  }

  /** The running lab's counters shown on the wires (fed by a CounterPoller). */
  public dev.patchbay.app.designer.live.LiveCountersViewModel liveCounters() {
    return liveCounters;
  }

  public dev.patchbay.app.designer.lab.LabViewModel lab() {
    return labVm;
  }

  public DiskImagesViewModel disks() {
    return disks;
  }

  public ReachabilityViewModel reachability() {
    return reachVm;
  }

  public dev.patchbay.app.designer.find.FindViewModel find() {
    return findVm;
  }

  public dev.patchbay.app.designer.canvas.Minimap minimap() {
    return minimap;
  }

  public CanvasView canvas() {
    return canvas;
  }

  public PaletteView palette() {
    return palette;
  }

  public FileActions files() {
    return files;
  }

  /** Every action of the window, as its menus, toolbar, context menu and keys show them. */
  public DesignerActions actions() {
    return actions;
  }

  KeyBindings keys() {
    return keys;
  }

  CanvasContextMenu contextMenus() {
    return contextMenus;
  }

  /** The theme chosen in View > Theme and the appearance it comes to. */
  public ThemeViewModel theme() {
    return theme;
  }

  public Scene scene() {
    return scene;
  }
}

package dev.patchbay.backends.apply;

import dev.patchbay.model.net.LabName;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.backends.os.TrustedFolder;
import dev.patchbay.model.plan.Diff;
import dev.patchbay.model.plan.LiveState;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Patchbay's labs on this machine: {@code up} applies a topology to a target (sandbox, named
 * namespace or the host) through the journal, {@code down} removes everything a lab's journal says
 * it may have made, {@code list} tells what is applied where. One directory per lab under the state
 * root holds its journal and, while a confirm-or-revert apply waits, the confirmation file.
 */
public final class Labs {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Labs.class.getName());
  private final Path root;
  private GuestStarter guests = GuestStarter.DEFERRED;
  private Applier.FaultHook faults = (i, s) -> { };
  private Applier.Progress progress = Applier.Progress.NONE;
  private WatchStarter watcher = lab -> {
    throw new IOException("changes that can cut the host off need a revert watcher; none is set up here");
  };

  /** Starts the process that reverts an unconfirmed lab (the CLI's detached __revert-watch). */
  @FunctionalInterface
  public interface WatchStarter {
    void start(String lab) throws IOException;
  }

  public Labs(Path root) {
    this.root = root;
  }

  /**
   * $XDG_STATE_HOME/patchbay/labs, or ~/.local/state/patchbay/labs; -Dpatchbay.state=DIR overrides.
   * Running as root, the folder must be one no other user can change ({@link TrustedFolder}): a root
   * agent handed a user's folder would read, write and obey whatever that user planted there.
   */
  public static Labs standard() throws IOException {
    String override = System.getProperty("patchbay.state");
    if (override != null) {
      return new Labs(TrustedFolder.open(Path.of(override), "the lab state folder (-Dpatchbay.state)"));
    }
    String xdg = System.getenv("XDG_STATE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "state");
    return new Labs(TrustedFolder.open(base.resolve("patchbay").resolve("labs"), "the lab state folder"));
  }

  public Labs withGuests(GuestStarter starter) {
    this.guests = starter;
    return this;
  }

  public Labs withWatcher(WatchStarter starter) {
    this.watcher = starter;
    return this;
  }

  public Labs withFaults(Applier.FaultHook hook) {
    this.faults = hook;
    return this;
  }

  /** Told of every step the next {@code up} runs; cancelling it rolls the lab back to where it was. */
  public Labs withProgress(Applier.Progress listener) {
    this.progress = listener;
    return this;
  }

  public Path root() {
    return root;
  }

  public Journal journal(String lab) {
    return new Journal(root.resolve(LabName.checked(lab)).resolve("journal.jsonl"));
  }

  /** The design the lab was last applied from, kept so `patchbay stats LAB` knows what each link is. */
  public Path topologyFile(String lab) {
    return root.resolve(LabName.checked(lab)).resolve("topology.json");
  }

  /** What applying did: the plan that was run (only the missing steps) and each step's outcome. */
  public record UpResult(String lab, String where, Plan plan, List<Applier.Done> done, boolean needsConfirmation) {}

  /**
   * The plan {@code up} would run now: the lab's steps the design dropped undone, then the steps the
   * target still lacks.
   */
  public Plan planFor(Topology t, String lab, TargetSpec spec) throws IOException {
    if (spec.kind() == TargetSpec.Kind.SANDBOX && !dev.patchbay.backends.netlink.Netns.exists(Sandbox.host(lab))) {
      return planner(lab).full(t);
    }
    try (Target target = open(spec, lab)) {
      LabRecord record = LabRecord.read(lab, journal(lab));
      LiveState live = LiveStateReader.read(target, record.processes());
      Diff diff = diff(t, lab, record, live);
      // What up would refuse is said with the plan, before anyone is asked to apply it.
      ConflictCheck.check(diff, live, Marker.of(lab), target.describe());
      return diff.plan();
    }
  }

  /** Where the lab is applied, from its journal; empty when it is not up. */
  public java.util.Optional<TargetSpec> appliedTo(String lab) throws IOException {
    LabRecord record = LabRecord.read(lab, journal(lab));
    if (record.target() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(switch (record.target()) {
      case "sandbox" -> TargetSpec.sandbox();
      case "netns" -> TargetSpec.netns(record.namespace());
      default -> TargetSpec.host();
    });
  }

  /** The planner for a lab: its NAT goes into the lab's own nft table, and only its marked links are its own. */
  public static Planner planner(String lab) {
    return Planner.modern().forLab(LabName.checked(lab)).markedWith(Marker.of(lab).alias());
  }

  private static Diff diff(Topology t, String lab, LabRecord record, LiveState live) throws IOException {
    List<Step> owned = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode e : record.liveSteps()) {
      owned.add(Journal.step(e.path("step")));
    }
    return planner(lab).diff(t, owned, live);
  }

  /**
   * Applies the design as lab {@code lab}: one lab operation at a time ({@link LabLock}), the first
   * error kept when a failed fresh lab is then removed, and a countdown (host and named namespaces
   * only: a sandbox puts nothing of the host at risk) that starts when the apply has finished.
   */
  public UpResult up(Topology t, String lab, TargetSpec spec, int confirmSeconds, String file)
      throws IOException, Applier.ApplyException {
    return up(t, lab, spec, confirmSeconds, file, Set.of());
  }

  /** As {@link #up}, leaving out the planned steps in {@code skip} (see {@link LenientUp}). */
  UpResult up(Topology t, String lab, TargetSpec spec, int confirmSeconds, String file, Set<Step> skip)
      throws IOException, Applier.ApplyException {
    try (LabLock lock = LabLock.acquire(root, lab, "up")) {
      return upLocked(t, lab, spec, confirmSeconds, file, skip);
    }
  }

  private UpResult upLocked(Topology t, String lab, TargetSpec spec, int confirmSeconds, String file, Set<Step> skip)
      throws IOException, Applier.ApplyException {
    java.util.concurrent.CompletableFuture<String> design = prepare(t);
    // Every name and value is checked before the first namespace, link or journal line is made.
    PlanCheck.check(LenientUp.without(planner(lab).full(t), skip));
    Journal journal = journal(lab);
    boolean fresh = !journal.exists();
    LabRecord before = LabRecord.read(lab, journal);
    if (!fresh && before.target() != null && (!before.target().equals(spec.kind().word())
        || !java.util.Objects.equals(before.namespace(), namespaceOf(spec, lab)))) {
      throw new IOException("lab " + lab + " is applied to " + before.where() + " already; patchbay down " + lab
          + " first");
    }
    ArrayNode uplinks = Journal.JSON.createArrayNode();
    t.elementsOf(Uplink.class).forEach(u -> uplinks.add(u.name()));
    if (fresh) {
      ObjectNode e = journal.entry("lab").put("journal", Journal.VERSION).put("lab", lab).put("target", spec.kind().word())
          .put("namespace", namespaceOf(spec, lab)).put("file", file);
      e.set("uplinks", uplinks);
      journal.note(e); // forced to disk with the first line that announces a change
    } else {
      journal.note((ObjectNode) journal.entry("design").set("uplinks", uplinks));
    }
    boolean countdown = false;
    try {
      boolean sandbox = spec.kind() == TargetSpec.Kind.SANDBOX;
      boolean built = sandbox && dev.patchbay.backends.netlink.Netns.exists(Sandbox.host(lab));
      if (sandbox && !built) {
        Sandbox.build(lab, t, journal);
      } else if (built) {
        SandboxRefresh.checkUplinks(lab, t);
      }
      UpResult result = applyIn(t, lab, spec, journal, confirmSeconds, skip);
      countdown = result.needsConfirmation();
      if (built) {
        SandboxRefresh.follow(lab, t).forEach(LOG::info);
      }
      journal.note(journal.entry("applied"));
      dev.patchbay.model.format.TopologyFiles.saveJson(designText(design), topologyFile(lab));
      if (countdown) {
        ConfirmWatch.startCountdown(journal, confirmSeconds);
      }
      return result;
    } catch (IOException | Applier.ApplyException | RuntimeException e) {
      cleanUpAfter(e, lab, fresh, countdown || waitsForThisApply(lab));
      throw e;
    }
  }

  /** Whether this up wrote a countdown that has no deadline yet (its apply failed before it got one). */
  private boolean waitsForThisApply(String lab) throws IOException {
    LabRecord.Countdown c = LabRecord.read(lab, journal(lab)).countdown();
    return c.pending() && c.applyingPid() == ProcessHandle.current().pid();
  }

  /**
   * After a failed up: a lab that did not exist before leaves nothing behind (its steps were rolled
   * back; its namespaces, journal and guests' run folders go), and an edited lab that was rolled back to its
   * previous design needs no countdown. What goes wrong here is added to the first error, never put in
   * its place.
   */
  private void cleanUpAfter(Exception first, String lab, boolean fresh, boolean countdownStarted) {
    try {
      if (fresh) {
        down(lab);
      } else if (countdownStarted) {
        Journal journal = journal(lab);
        journal.append(journal.entry("confirm-ended").put("reason", "the apply failed and was rolled back"));
      }
    } catch (IOException | RuntimeException e) {
      LOG.warning("after a failed up of lab " + lab + ": " + e.getMessage());
      first.addSuppressed(e);
    }
  }

  /**
   * What a fresh JVM would otherwise do on the up's own thread, done on the other core while it
   * checks the plan, starts the journal and works with the kernel: binding libc (jnr-ffi's start-up,
   * which the target waits for if it is not done) and then making the design's text (Jackson's
   * first use), which is written only once the lab is applied: a re-apply reads the previous one
   * until then. The up does not change {@code t}, so reading it from two threads is safe.
   */
  private static java.util.concurrent.CompletableFuture<String> prepare(Topology t) {
    return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        dev.patchbay.backends.netlink.Native.libc();
      } catch (RuntimeException | LinkageError e) {
        LOG.fine("binding libc ahead failed; the target's first call reports it: " + e);
      }
      return dev.patchbay.model.format.TopologyFiles.toJson(t);
    }, task -> {
      Thread thread = new Thread(task, "patchbay-up-prepare");
      thread.setDaemon(true);
      thread.start();
    });
  }

  private static String designText(java.util.concurrent.CompletableFuture<String> design) {
    try {
      return design.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private UpResult applyIn(Topology t, String lab, TargetSpec spec, Journal journal, int confirmSeconds, Set<Step> skip)
      throws IOException, Applier.ApplyException {
    try (Target target = open(spec, lab)) {
      LabRecord record = LabRecord.read(lab, journal);
      LiveState live = LiveStateReader.read(target, record.processes());
      Diff diff = diff(t, lab, record, live);
      ConflictCheck.check(skip.isEmpty() ? diff : new Diff(diff.owned(), diff.removed(),
          LenientUp.without(diff.additions(), skip)), live, Marker.of(lab), target.describe()); // before any step
      Plan plan = LenientUp.without(diff.additions(), skip);
      boolean countdown = needsCountdown(spec, diff.plan(), t, confirmSeconds);
      if (countdown) {
        // The watcher runs BEFORE the first risky step: if this process dies mid-apply (a cut ssh
        // session's SIGHUP), the lab still reverts. The deadline is set when the apply has finished.
        ConfirmWatch.announceCountdown(journal, confirmSeconds);
        watcher.start(lab);
      }
      GuestStarter starter = new LabSwitches(root, lab, Optional.ofNullable(namespaceOf(spec, lab)), guests);
      // A lab that only adds goes straight to the Applier; one that also drops steps goes through the
      // Reconciler, which undoes them first and puts them back if anything after fails.
      List<Applier.Done> done = diff.removed().isEmpty()
          ? new Applier(target, Marker.of(lab), journal, starter).withUplinks(record.uplinks()).withFaults(faults)
              .withProgress(progress).apply(plan)
          : new Reconciler(target, Marker.of(lab), journal, starter, record.uplinks()).withFaults(faults).withProgress(progress)
              .withHeirs(new SharedSysctls(this, record)).withPreviousGuests(previousGuests(lab, starter))
              .apply(diff, record.liveSteps());
      return new UpResult(lab, target.describe(), diff.plan(), done, countdown);
    }
  }

  /** The guest starter for the design the lab was last applied from (kept in its directory). */
  private GuestStarter previousGuests(String lab, GuestStarter starter) throws IOException {
    Path file = topologyFile(lab);
    if (!Files.exists(file)) {
      return starter;
    }
    try {
      return starter.forDesign(dev.patchbay.model.format.TopologyFiles.load(file));
    } catch (dev.patchbay.model.format.TopologyFileException e) {
      throw new IOException("lab " + lab + "'s last design cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Steps that can cut the host off its network: moving the uplink's address, bridging it, proxy ARP
   * on it, and (re-applying an edited lab) taking the uplink off its bridge and its address back.
   */
  public static boolean cutsOff(Plan plan, Topology t) {
    Set<String> uplinks = Set.copyOf(t.elementsOf(Uplink.class).map(Uplink::name).toList());
    return plan.steps().stream().anyMatch(s -> s instanceof Step.ClearUplinkAddresses
        || s instanceof Step.RestoreUplinkAddresses
        || s instanceof Step.Enslave e && uplinks.contains(e.device())
        || s instanceof Step.Release r && uplinks.contains(r.device())
        || s instanceof Step.SetSysctl sys && uplinks.stream().anyMatch(u -> sys.key().equals(Planner.proxyArpKey(u))));
  }

  /** A countdown guards the host's own network: never a sandbox's, which holds nothing of the host. */
  static boolean needsCountdown(TargetSpec spec, Plan plan, Topology t, int confirmSeconds) {
    return confirmSeconds > 0 && spec.kind() != TargetSpec.Kind.SANDBOX && cutsOff(plan, t);
  }

  private static String namespaceOf(TargetSpec spec, String lab) {
    return switch (spec.kind()) {
      case SANDBOX -> Sandbox.host(lab);
      case NETNS -> spec.namespace();
      case HOST -> null;
    };
  }

  static Target open(TargetSpec spec, String lab) throws IOException {
    String ns = namespaceOf(spec, lab);
    return ns == null ? Target.host() : Target.namespace(ns);
  }

  /** Removes everything the lab's journal says it may have made, then the lab's directory. */
  public List<String> down(String lab) throws IOException {
    try (LabLock lock = LabLock.acquire(root, lab, "down")) {
      Journal journal = journal(lab);
      if (!journal.exists()) {
        throw new NoSuchLabException("no lab named " + lab + " (nothing in " + journal.file().getParent() + ")");
      }
      // Guests and switches go by their PIDs first: deleting a sandbox's namespaces would leave them running.
      List<String> report = new ArrayList<>(guests.forget());
      report.addAll(LabSwitches.stopAll(root, lab));
      LabRecord record = LabRecord.read(lab, journal);
      report.addAll(Teardown.run(record, Marker.of(lab), new LabSwitches(root, lab, Optional.empty(), guests), journal,
          new SharedSysctls(this, record)));
      deleteTree(journal.file().getParent());
      return report;
    }
  }

  /**
   * Keeps the changes of a lab that waits for a confirmation; refused (with the reason) when its
   * deadline has passed, when it does not wait, or when it is gone.
   */
  public void confirm(String lab) throws IOException {
    ConfirmWatch.confirm(this, lab);
  }

  public List<LabRecord> list() throws IOException {
    List<LabRecord> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.sorted().toList()) {
        String name = d.getFileName().toString();
        if (Files.exists(d.resolve("journal.jsonl")) && LabName.valid(name)) {
          out.add(LabRecord.read(name, new Journal(d.resolve("journal.jsonl"))));
        }
      }
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package dev.patchbay.backends.verify;

import dev.patchbay.backends.apply.LabSwitches;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.LenientUp;
import dev.patchbay.backends.apply.Sandbox;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeGuestBuilder;
import dev.patchbay.backends.probe.ProbeReport;
import dev.patchbay.backends.probe.ProbeRound;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.backends.qemu.GuestProcess;
import dev.patchbay.backends.qemu.GuestState;
import dev.patchbay.backends.qemu.LabGuests;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import dev.patchbay.model.net.Ipv4;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@code patchbay verify}: the lab up in a sandbox, a TCP echo in its host, LAN and Internet
 * namespaces, every guest booted side by side as a probe guest (a disk image is not booted: the
 * probe guest stands in for it with the same NICs). Once every guest says PB-READY (NICs configured,
 * DHCP leases taken, echo ports listening) and every namespace's echo listens, the cells towards DHCP
 * guests are aimed at the leases reported, each guest gets its row of probes typed into its console
 * and the namespaces probe towards the guests, all at once; predicted against observed per cell.
 * Guests, listeners and (unless kept) the sandbox go at the end, also on failure.
 */
public final class VerifyRun {
  private static final Logger LOG = Logger.getLogger(VerifyRun.class.getName());
  /**
   * How long a probe of a cell expected to connect keeps trying: it normally succeeds at once, and
   * only a cell that disagrees waits this long, so it allows for a loaded 2-core machine.
   */
  static final int PATIENT_SECONDS = 40;
  /**
   * How long a probe of a cell expected not to connect keeps trying before it counts as no. Probes
   * start only once every guest is ready and every listener listens, so a path that exists answers
   * within an ARP exchange and a round trip; these seconds tell "no" from "not yet".
   */
  static final int BRIEF_SECONDS = 5;
  /** A guest's own limit for a probe, far beyond both windows: this machine's clock ends them. */
  static final int GUEST_GIVES_UP = 600;
  private static final Duration BOOT = Duration.ofSeconds(240);
  private static final Duration LISTEN = Duration.ofSeconds(60);
  /** Each namespace probe is a process or two that mostly waits; a large lab's probes queue beyond this. */
  private static final int NAMESPACE_PROBES_AT_ONCE = 64;

  private final Labs labs;
  private final ProbeGuest probeGuest;

  public VerifyRun(Labs labs, ProbeGuest probeGuest) {
    this.labs = labs;
    this.probeGuest = probeGuest;
  }

  public static VerifyRun standard(Labs labs) throws IOException {
    return new VerifyRun(labs, new ProbeGuestBuilder().build());
  }

  /** Applies the lab in a sandbox, verifies it and takes it down again unless {@code keep}. */
  public VerifyReport run(Topology t, String lab, String file, boolean keep)
      throws IOException, InterruptedException, dev.patchbay.backends.apply.Applier.ApplyException {
    return run(t, lab, file, keep, false);
  }

  /**
   * As {@link #run(Topology, String, String, boolean)}; with {@code allowErrors} (a design with
   * errors) only what can be applied is ({@link LenientUp}), and the report names what was not.
   */
  public VerifyReport run(Topology t, String lab, String file, boolean keep, boolean allowErrors)
      throws IOException, InterruptedException, dev.patchbay.backends.apply.Applier.ApplyException {
    if (labs.journal(lab).exists()) {
      // Verify takes its sandbox down at the end: it must never be a lab the user brought up.
      throw new IOException("a lab named " + lab + " is up already; verify builds its own: pass --lab with another name");
    }
    List<String> notApplied = List.of();
    if (allowErrors) {
      notApplied = LenientUp.up(labs, t, lab, TargetSpec.sandbox(), file).skipped().stream()
          .map(LenientUp.Skipped::describe).toList();
    } else {
      labs.up(t, lab, TargetSpec.sandbox(), 0, file);
    }
    try {
      return verifyApplied(t, lab).withNotApplied(notApplied);
    } finally {
      if (!keep) {
        labs.down(lab);
      }
    }
  }

  /** Verifies a lab already up in a sandbox under this name. */
  public VerifyReport verifyApplied(Topology t, String lab) throws IOException, InterruptedException {
    VerifyPlan plan = VerifyPlan.of(t, lab);
    List<Listening.Server> listeners = new ArrayList<>();
    try {
      for (String ns : plan.namespaces()) {
        listeners.add(new Listening.Server("verify's TCP echo in " + ns, listener(ns), Listening.Kind.TCP,
            VerifyPlan.LISTEN_PORT));
      }
      Path runRoot = labs.root().resolve(lab).resolve("verify");
      Optional<LanDhcp> dhcp = plan.lanDhcp();
      if (dhcp.isPresent()) {
        // A guest asks for its lease as soon as it boots: the server must answer before any does.
        Listening.Server server = new Listening.Server("the LAN's DHCP server", dhcp.get().start(Sandbox.lan(lab),
            runRoot.resolve("lan-dhcp")), Listening.Kind.UDP, LanDhcp.SERVER_PORT);
        listeners.add(server);
        server.await(LISTEN);
      }
      try (LabGuests guests = LabGuests.start(LabSwitches.live(t, labs.root(), lab), runRoot,
          Optional.of(Sandbox.host(lab)), probeGuest, g -> List.of(), PATIENT_SECONDS,
          launch -> asProbeGuest(launch, plan))) {
        // The echoes bind while the guests boot; probes start only once they have.
        for (Listening.Server l : listeners) {
          l.await(LISTEN);
        }
        return observe(plan, lab, guests);
      }
    } finally {
      for (Listening.Server l : listeners) {
        l.stop();
      }
    }
  }

  /** Every guest boots the probe guest, also one drawn with a disk image, echoing on its forwarded ports. */
  private void asProbeGuest(dev.patchbay.backends.qemu.GuestLaunch launch, VerifyPlan plan) {
    Guest g = launch.guest();
    launch.probe(probeGuest, ProbeSettings.of(g, List.of(), PATIENT_SECONDS).withListen(plan.listenPorts(g.id())))
        .withConsoleInput();
  }

  private static Process listener(String ns) throws IOException {
    return new ProcessBuilder(NamespaceProbes.inNamespace(ns, "busybox", "nc", "-ll", "-p",
        Integer.toString(VerifyPlan.LISTEN_PORT), "-e", "cat"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /**
   * Once every guest is ready, the cells towards DHCP guests are aimed at the leases reported; each
   * guest gets its probes typed into its console while the namespaces probe theirs. The windows
   * are kept by this machine's clock: a guest's own clock under TCG on a loaded host can leap ahead
   * (seen: 38 s of uptime in the first 4 s of a boot), and a probe that ends by it gives up early.
   * So a guest retries each probe until it succeeds (or for {@link #GUEST_GIVES_UP}), and a probe it
   * has not reported ok when its window here ends counts as failed.
   */
  private VerifyReport observe(VerifyPlan plan, String lab, LabGuests guests) throws IOException, InterruptedException {
    if (!guests.awaitRunning(BOOT)) {
      throw new IOException("guests did not boot: " + describe(guests));
    }
    VerifyPlan aimed = plan.aimed(leases(plan.awaitedLeases(), guests));
    Map<Check, Map<Probe, Boolean>> results = new ConcurrentHashMap<>();
    Map<String, ConsoleInput> consoles = new LinkedHashMap<>();
    try {
      long sent = System.nanoTime();
      sendProbes(aimed, guests, consoles);
      namespaceProbes(aimed, results);
      long patientEnd = sent + Duration.ofSeconds(PATIENT_SECONDS).toNanos();
      for (Map.Entry<String, List<Probe>> e : aimed.guestProbes(true).entrySet()) {
        guests.guest(e.getKey()).await(g -> allOk(report(g, consoles.get(e.getKey())), e.getValue()),
            Duration.ofNanos(Math.max(0, patientEnd - System.nanoTime())));
      }
      long briefLeft = sent + Duration.ofSeconds(BRIEF_SECONDS).toNanos() - System.nanoTime();
      if (briefLeft > 0 && !aimed.guestProbes(false).isEmpty()) {
        TimeUnit.NANOSECONDS.sleep(briefLeft);
      }
    } finally {
      for (ConsoleInput c : consoles.values()) {
        c.close();
      }
    }
    explainMisses(aimed, guests, consoles);
    List<Cell> cells = new ArrayList<>();
    for (Check c : aimed.checks()) {
      Map<Probe, Boolean> r = results.get(c);
      if (r == null && c.tested() && c.guest() != null) {
        r = guestResults(report(guests.guest(c.guest()), consoles.get(c.guest())), c.probes());
      }
      cells.add(Cell.of(c, r == null ? Map.of() : r));
    }
    return new VerifyReport(lab, cells);
  }

  /**
   * What the guest reported: its serial log, where a PB line can be garbled by a byte QEMU logged
   * twice (see ConsoleInput#delivered), completed by the lines its console socket delivered.
   */
  private static ProbeReport report(GuestProcess g, ConsoleInput console) {
    ProbeReport logged = g.report();
    return console == null ? logged : logged.withProbesFrom(ProbeReport.parse(console.delivered()));
  }

  private static boolean allOk(ProbeReport report, List<Probe> probes) {
    return probes.stream().allMatch(p -> report.result(p).map(ProbeReport.ProbeResult::ok).orElse(false));
  }

  /**
   * Types each guest's probes into its console (one connection per guest: QEMU serves one at a
   * time), left open while the guest probes: those of cells expected to connect, then the rest.
   */
  private static void sendProbes(VerifyPlan aimed, LabGuests guests, Map<String, ConsoleInput> consoles)
      throws IOException {
    Map<String, List<Probe>> probes = new LinkedHashMap<>();
    for (boolean reached : List.of(true, false)) {
      aimed.guestProbes(reached).forEach((id, ps) -> probes.computeIfAbsent(id, k -> new ArrayList<>()).addAll(ps));
    }
    for (Map.Entry<String, List<Probe>> e : probes.entrySet()) {
      ConsoleInput console = ConsoleInput.open(guests.guest(e.getKey()).launch().consoleSocket());
      consoles.put(e.getKey(), console);
      for (ProbeRound round : ProbeRound.of(e.getValue(), GUEST_GIVES_UP)) {
        console.send(round.consoleLine());
      }
    }
  }

  /** The address each awaited guest obtained by DHCP, read once it said PB-READY (its NICs configured). */
  private static Map<String, Optional<Ipv4>> leases(Set<String> ids, LabGuests guests) {
    Map<String, Optional<Ipv4>> out = new HashMap<>();
    for (String id : ids) {
      Optional<Ipv4> lease = guests.guest(id).report().lease();
      LOG.info(() -> id + " obtained " + lease.map(a -> "the DHCP lease " + a).orElse("no DHCP lease"));
      out.put(id, lease);
    }
    return out;
  }

  private static Map<Probe, Boolean> guestResults(ProbeReport report, List<Probe> probes) {
    Map<Probe, Boolean> r = new java.util.HashMap<>();
    for (Probe p : probes) {
      r.put(p, report.result(p).map(ProbeReport.ProbeResult::ok).orElse(false));
    }
    return r;
  }

  /**
   * The namespace-side probes, all side by side: each mostly waits (for a reply, or for its window
   * to pass when none comes), so a pool smaller than the probes would only queue them.
   */
  private static void namespaceProbes(VerifyPlan plan, Map<Check, Map<Probe, Boolean>> results)
      throws InterruptedException, IOException {
    ExecutorService pool = Executors.newFixedThreadPool(NAMESPACE_PROBES_AT_ONCE);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Check c : plan.checks()) {
        if (c.tested() && c.namespace() != null) {
          Map<Probe, Boolean> r = new ConcurrentHashMap<>();
          results.put(c, r);
          Duration window = Duration.ofSeconds(c.expectsReached() ? PATIENT_SECONDS : BRIEF_SECONDS);
          for (Probe p : c.probes()) {
            futures.add(pool.submit(() -> {
              r.put(p, NamespaceProbes.run(c.namespace(), p, window));
              return null;
            }));
          }
        }
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IOException("namespace probe failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A probe expected to connect that its guest never reported ok is a disagreement to understand:
   * the log gets what the guest said of that target and what else its console shows (kernel
   * messages land there too), so a failure in a long test run can be told apart from a path that is
   * really missing.
   */
  private static void explainMisses(VerifyPlan aimed, LabGuests guests, Map<String, ConsoleInput> consoles) {
    aimed.guestProbes(true).forEach((id, probes) -> {
      GuestProcess g = guests.guest(id);
      List<Probe> missed = probes.stream().filter(p -> !allOk(report(g, consoles.get(id)), List.of(p))).toList();
      if (missed.isEmpty()) {
        return;
      }
      List<String> console = g.console().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      List<String> said = console.stream().filter(l -> missed.stream().anyMatch(p -> l.contains(p.targetText()))).toList();
      List<String> kernel = console.stream().filter(l -> !l.startsWith("PB")).toList();
      LOG.warning(() -> id + " never reported " + missed + " ok; its lines on them: " + said + "; its console's other lines: "
          + kernel.subList(Math.max(0, kernel.size() - GuestProcess.CRASH_TAIL), kernel.size()));
    });
  }

  private static String describe(LabGuests guests) {
    StringBuilder sb = new StringBuilder();
    guests.guests().forEach((id, p) -> {
      GuestProcess.Status s = p.status();
      sb.append(id).append('=').append(s);
      if (s.state() == GuestState.CRASHED) {
        sb.append(", its console ended:\n  ").append(String.join("\n  ", p.consoleTail(GuestProcess.CRASH_TAIL)))
            .append('\n');
      }
      sb.append("; ");
    });
    LOG.fine(sb::toString);
    return sb.toString();
  }
}

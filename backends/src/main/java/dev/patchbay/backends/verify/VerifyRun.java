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
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.backends.qemu.GuestProcess;
import dev.patchbay.backends.qemu.LabGuests;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import dev.patchbay.model.net.Ipv4;
import java.util.ArrayList;
import java.util.HashMap;
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
 * probe guest stands in for it with the same NICs) that probes its row of the matrix, then the
 * namespaces probe towards the guests; cells towards a DHCP guest in a second round, aimed at the
 * lease it reported; predicted against observed per cell. Guests, listeners and
 * (unless kept) the sandbox go at the end, also on failure.
 */
public final class VerifyRun {
  private static final Logger LOG = Logger.getLogger(VerifyRun.class.getName());
  /** How long one guest-side probe keeps retrying: other guests may still be booting. */
  static final int PROBE_TIMEOUT_SECONDS = 40;
  private static final Duration BOOT = Duration.ofSeconds(240);

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
    List<Process> listeners = new ArrayList<>();
    try {
      for (String ns : plan.namespaces()) {
        listeners.add(listener(ns));
      }
      Path runRoot = labs.root().resolve(lab).resolve("verify");
      Optional<LanDhcp> dhcp = plan.lanDhcp();
      if (dhcp.isPresent()) {
        listeners.add(dhcp.get().start(Sandbox.lan(lab), runRoot.resolve("lan-dhcp")));
      }
      try (LabGuests guests = LabGuests.start(LabSwitches.live(t, labs.root(), lab), runRoot,
          Optional.of(Sandbox.host(lab)), probeGuest,
          g -> plan.guestProbes().getOrDefault(g.id(), List.of()), PROBE_TIMEOUT_SECONDS,
          launch -> asProbeGuest(launch, plan))) {
        return observe(plan, lab, guests);
      }
    } finally {
      for (Process p : listeners) {
        p.destroy();
        if (!p.waitFor(3, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  /** Every guest boots the probe guest, also one drawn with a disk image, echoing on its forwarded ports. */
  private void asProbeGuest(dev.patchbay.backends.qemu.GuestLaunch launch, VerifyPlan plan) {
    Guest g = launch.guest();
    launch.probe(probeGuest, ProbeSettings.of(g, plan.guestProbes().getOrDefault(g.id(), List.of()),
        PROBE_TIMEOUT_SECONDS).withListen(plan.listenPorts(g.id()))).withConsoleInput();
  }

  private static Process listener(String ns) throws IOException {
    return new ProcessBuilder(NamespaceProbes.inNamespace(ns, "busybox", "nc", "-ll", "-p",
        Integer.toString(VerifyPlan.LISTEN_PORT), "-e", "cat"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /**
   * Round one runs as the guests boot. A cell towards a DHCP guest waits for its lease: once every
   * awaited guest is configured, those cells are aimed at the reported addresses; the guests get
   * theirs typed into their consoles, the namespaces probe them with the rest.
   */
  private VerifyReport observe(VerifyPlan plan, String lab, LabGuests guests) throws IOException, InterruptedException {
    if (!guests.awaitRunning(BOOT)) {
      throw new IOException("guests did not boot: " + describe(guests));
    }
    VerifyPlan aimed = plan.awaitedLeases().isEmpty() ? plan : plan.aimed(leases(plan.awaitedLeases(), guests));
    Map<String, List<Probe>> second = aimed.leaseProbes();
    List<ConsoleInput> consoles = new ArrayList<>();
    Map<Check, Map<Probe, Boolean>> results = new ConcurrentHashMap<>();
    try {
      for (Map.Entry<String, List<Probe>> e : second.entrySet()) {
        ConsoleInput console = ConsoleInput.open(guests.guest(e.getKey()).launch().consoleSocket());
        consoles.add(console);
        console.send("pb.probes=" + String.join(",", e.getValue().stream().map(Probe::toString).toList()));
      }
      namespaceProbes(aimed, results);
      for (GuestProcess p : guests.guests().values()) {
        int rounds = second.containsKey(p.launch().guest().id()) ? 2 : 1;
        if (!p.await(g -> g.report().rounds() >= rounds, BOOT)) {
          throw new IOException("guest " + p.launch().guest().name() + " did not finish its probes: " + p.status());
        }
      }
    } finally {
      for (ConsoleInput c : consoles) {
        c.close();
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (Check c : aimed.checks()) {
      Map<Probe, Boolean> r = results.get(c);
      if (r == null && c.tested() && c.guest() != null) {
        r = guestResults(guests.guest(c.guest()).report(), c.probes());
      }
      cells.add(Cell.of(c, r == null ? Map.of() : r));
    }
    return new VerifyReport(lab, cells);
  }

  /** The address each guest obtained by DHCP, once it has configured its NICs (PB-READY). */
  private static Map<String, Optional<Ipv4>> leases(Set<String> ids, LabGuests guests) throws IOException,
      InterruptedException {
    Map<String, Optional<Ipv4>> out = new HashMap<>();
    for (String id : ids) {
      GuestProcess p = guests.guest(id);
      if (!p.await(g -> g.report().ready(), BOOT)) {
        throw new IOException("guest " + p.launch().guest().name() + " never configured its NICs: " + p.status());
      }
      Optional<Ipv4> lease = p.report().lease();
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

  /** The namespace-side probes, side by side (each may wait seconds for a reply that never comes). */
  private static void namespaceProbes(VerifyPlan plan, Map<Check, Map<Probe, Boolean>> results)
      throws InterruptedException, IOException {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Check c : plan.checks()) {
        if (c.tested() && c.namespace() != null) {
          Map<Probe, Boolean> r = new ConcurrentHashMap<>();
          results.put(c, r);
          for (Probe p : c.probes()) {
            futures.add(pool.submit(() -> {
              r.put(p, NamespaceProbes.run(c.namespace(), p));
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

  private static String describe(LabGuests guests) {
    StringBuilder sb = new StringBuilder();
    guests.guests().forEach((id, p) -> sb.append(id).append('=').append(p.status()).append("; "));
    LOG.fine(sb::toString);
    return sb.toString();
  }
}

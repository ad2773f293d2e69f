package dev.patchbay.backends.lab;

import dev.patchbay.backends.apply.Applier;
import dev.patchbay.backends.apply.ConfirmWatch;
import dev.patchbay.backends.apply.ConflictCheck;
import dev.patchbay.backends.apply.LabLock;
import dev.patchbay.model.net.LabName;
import dev.patchbay.backends.apply.LabRecord;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.NoSuchLabException;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.os.SafeFiles;
import dev.patchbay.backends.qemu.LabGuestStarter;
import dev.patchbay.backends.qemu.LabLinks;
import dev.patchbay.backends.verify.VerifyReport;
import dev.patchbay.backends.verify.VerifyRun;
import dev.patchbay.backends.apply.LenientUp;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab service in this process: {@link Labs} for up, down and the journal, the guest launcher, the
 * counter pollers and verify. The CLI uses it directly; the agent serves it to the designer. It keeps
 * each lab's design (from its up, or the lab's topology.json) so that later requests name the lab only.
 */
public final class LocalLabService implements LabService {
  /** A console shows its end: enough for a boot log's last screens. */
  private static final int CONSOLE_TAIL = 16 * 1024;

  private final Labs labs;
  private final LabCounters counters;
  private final LabConsoles consoles = new LabConsoles();
  private final Map<String, Topology> designs = new HashMap<>();
  private volatile boolean cancelRequested;

  public LocalLabService(Labs labs) {
    this.labs = labs;
    this.counters = new LabCounters(labs);
  }

  @Override
  public UpAnswer up(UpRequest r, UpListener listener) throws LabException {
    String lab = checkedLab(r.lab());
    labs.withGuests(new LabGuestStarter(r.design(), labs.root(), lab, r.target().hostNamespace(lab)));
    labs.withProgress(new Applier.Progress() {
      @Override
      public void step(int index, int total, dev.patchbay.model.plan.Step step) {
        listener.step(index, total, PlanText.describe(step));
      }

      @Override
      public boolean cancelled() {
        return cancelRequested;
      }
    });
    try {
      List<String> notApplied = List.of();
      Labs.UpResult done;
      if (r.allowErrors()) {
        LenientUp.Result lenient = LenientUp.up(labs, r.design(), lab, r.target(), r.confirmSeconds(), r.file());
        done = lenient.up();
        notApplied = lenient.skipped().stream().map(LenientUp.Skipped::describe).toList();
      } else {
        done = labs.up(r.design(), lab, r.target(), r.confirmSeconds(), r.file());
      }
      synchronized (designs) {
        designs.put(lab, r.design());
      }
      counters.forget(lab); // an edited design measures other links
      LabRecord.Countdown c = LabRecord.read(lab, labs.journal(lab)).countdown();
      return new UpAnswer(lab, done.where(), done.plan(), done.done(), c.waiting() ? c.deadline() : 0, notApplied);
    } catch (Applier.ApplyException e) {
      throw new LabException(e.cancelled() ? LabException.Reason.CANCELLED : LabException.Reason.FAILED,
          e.getMessage() + suppressed(e), e);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    } finally {
      labs.withProgress(Applier.Progress.NONE);
      cancelRequested = false;
    }
  }

  private static String suppressed(Exception e) {
    StringBuilder also = new StringBuilder();
    for (Throwable s : e.getSuppressed()) {
      also.append("; and while removing the failed lab: ").append(s.getMessage());
    }
    return also.toString();
  }

  @Override
  public void cancel() {
    cancelRequested = true;
  }

  @Override
  public Plan plan(String lab, Topology design, TargetSpec target) throws LabException {
    try {
      return labs.planFor(design, checkedLab(lab), target);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public List<String> down(String lab) throws LabException {
    String name = checkedLab(lab);
    counters.forget(name);
    synchronized (designs) {
      designs.remove(name);
    }
    try {
      labs.withGuests(LabGuestStarter.forDown(labs.root(), name));
      return labs.down(name);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public List<LabSummary> labs() throws LabException {
    List<LabSummary> out = new ArrayList<>();
    try {
      for (LabRecord r : labs.list()) {
        String state = r.empty() ? "empty" : r.awaitingConfirmation() ? "waiting" : r.applied() ? "up" : "partial";
        out.add(new LabSummary(r.lab(), r.where(), r.since(), state, r.confirmBy()));
      }
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
    return out;
  }

  @Override
  public void confirm(String lab) throws LabException {
    try {
      labs.confirm(checkedLab(lab));
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public CounterSnapshot counters(String lab) throws LabException {
    String name = checkedLab(lab);
    try {
      return counters.poll(name, design(name));
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public List<GuestState> guests(String lab) throws LabException {
    List<GuestState> out = new ArrayList<>();
    LabGuestStarter.states(labs.root(), checkedLab(lab)).forEach((name, s) -> out.add(new GuestState(name,
        s.state().name().toLowerCase(java.util.Locale.ROOT), s.lastStderr())));
    return out;
  }

  @Override
  public String link(String lab, String linkId, boolean up) throws LabException {
    String name = checkedLab(lab);
    try {
      return LabLinks.set(design(name), labs.root(), name, linkId, up);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public String console(String lab, String guest) throws LabException {
    dev.patchbay.model.net.ProcessName.problem(guest).ifPresent(p -> {
      throw new IllegalArgumentException("guest " + p);
    });
    Path log = LabGuestStarter.guestsDir(labs.root(), checkedLab(lab)).resolve(guest).resolve("serial.log");
    if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
      throw new LabException(LabException.Reason.NOT_FOUND, "guest " + guest + " of lab " + lab + " has no console yet");
    }
    try {
      // Never through a link: a root agent must not show a file someone pointed serial.log at.
      byte[] all = SafeFiles.readAllBytes(log);
      int from = Math.max(0, all.length - CONSOLE_TAIL);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public ConsoleSession openConsole(String lab, String guest, ConsoleListener listener) throws LabException {
    String name = checkedLab(lab);
    dev.patchbay.model.topology.Guest g = guestOfLab(name, guest);
    return consoles.open(name, g.name(), runDir(name, g), () -> console(name, g.name()), listener);
  }

  @Override
  public String display(String lab, String guest) throws LabException {
    String name = checkedLab(lab);
    dev.patchbay.model.topology.Guest g = guestOfLab(name, guest);
    if (!g.hasVncDisplay()) {
      throw new LabException(LabException.Reason.REFUSED, "guest " + g.name() + " has no display: set its Display to"
          + " vnc and apply the design again");
    }
    Path socket = runDir(name, g).resolve("display.sock");
    try {
      if (Files.isSymbolicLink(socket.getParent()) || !Files.readAttributes(socket,
          java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
        throw new LabException(LabException.Reason.REFUSED, socket + " is not a socket");
      }
    } catch (IOException e) {
      throw new LabException(LabException.Reason.NOT_FOUND, "guest " + g.name() + " of lab " + name
          + " is not running (no display socket)", e);
    }
    return socket.toString();
  }

  private Path runDir(String lab, dev.patchbay.model.topology.Guest g) {
    return dev.patchbay.backends.qemu.GuestFolders.named(LabGuestStarter.guestsDir(labs.root(), lab), g.name());
  }

  /** The guest the client named, looked up in the lab's own design: no path comes from the client. */
  private dev.patchbay.model.topology.Guest guestOfLab(String lab, String guest) throws LabException {
    var bad = dev.patchbay.model.net.ProcessName.problem(guest);
    if (bad.isPresent()) {
      throw new LabException(LabException.Reason.REFUSED, "guest " + bad.get());
    }
    Topology t;
    try {
      t = design(lab);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
    return t.elementsOf(dev.patchbay.model.topology.Guest.class).filter(g -> g.name().equals(guest)).findFirst()
        .orElseThrow(() -> new LabException(LabException.Reason.NOT_FOUND, "lab " + lab + " has no guest named " + guest));
  }

  @Override
  public VerifyReport verify(String lab, Topology design, boolean allowErrors) throws LabException {
    if (!allowErrors && dev.patchbay.model.check.Validator.hasErrors(
        dev.patchbay.model.check.rules.StandardRules.validator().check(design))) {
      throw new LabException(LabException.Reason.REFUSED, "the design has errors; verify it allowing errors to apply"
          + " what can be applied and see what the packets do");
    }
    try {
      return VerifyRun.standard(labs).run(design, checkedLab(lab), "designer", false, allowErrors);
    } catch (Applier.ApplyException e) {
      throw new LabException(LabException.Reason.FAILED, e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException(LabException.Reason.ERROR, "verify was interrupted", e);
    }
  }

  /** The design the lab runs: kept from its up, or read once from the lab's topology.json. */
  private Topology design(String lab) throws IOException {
    synchronized (designs) {
      Topology t = designs.get(lab);
      if (t != null) {
        return t;
      }
      Path file = labs.topologyFile(lab);
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new NoSuchLabException("no lab named " + lab + " is up (see patchbay labs)");
      }
      try {
        t = TopologyFiles.parse(SafeFiles.readString(file), file.toString());
      } catch (TopologyFileException e) {
        throw new IOException("lab " + lab + "'s design cannot be read: " + e.getMessage(), e);
      }
      designs.put(lab, t);
      return t;
    }
  }

  private static String checkedLab(String lab) throws LabException {
    try {
      return LabName.checked(lab);
    } catch (IllegalArgumentException e) {
      throw new LabException(LabException.Reason.REFUSED, e.getMessage(), e);
    }
  }

  /** The failure as the service reports it: its kind from the exception, its sentence as it is. */
  static LabException failure(Exception e) {
    String message = dev.patchbay.backends.os.Reasons.of(e);
    LabException.Reason reason = e instanceof ConflictCheck.Found ? LabException.Reason.CONFLICT
        : e instanceof LabLock.BusyException ? LabException.Reason.BUSY
        : e instanceof ConfirmWatch.TooLateException ? LabException.Reason.TOO_LATE
        : e instanceof NoSuchLabException ? LabException.Reason.NOT_FOUND
        : e instanceof IllegalArgumentException ? LabException.Reason.REFUSED
        : LabException.Reason.ERROR;
    return new LabException(reason, message, e);
  }

  @Override
  public void close() {
    counters.close();
  }
}

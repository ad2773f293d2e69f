package dev.patchbay.backends.apply;

import dev.patchbay.backends.qemu.LabGuestStarter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.backends.netlink.Link;
import dev.patchbay.backends.netlink.LinkCounters;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.util.Map;

/**
 * The privileged half of Patchbay: the GUI (never root) sends one JSON request per line, the agent
 * (the same jar, started with root, sudo or CAP_NET_ADMIN) answers one JSON line. Requests:
 * {"op":"up","lab":L,"topology":{...},"target":"sandbox|host|netns","netns":N,"confirm":S},
 * {"op":"down","lab":L}, {"op":"labs"}, {"op":"stats","lab":L}, {"op":"counters","lab":L,"topology":{...}},
 * {"op":"link","lab":L,"topology":{...},"link":ID,"up":true|false}, {"op":"guests","lab":L},
 * {"op":"console","lab":L,"guest":NAME}, {"op":"verify","lab":L,"topology":{...}}, {"op":"confirm","lab":L}
 * (per-link readings: frames each way, rate, bytes, errors, drops, or n/a with a reason). The agent works only on labs and
 * only reports or deletes links that carry the lab's marker.
 *
 * <p>While an up runs, the agent writes one event line per step before the answer:
 * {"id":N,"event":"progress","index":I,"total":T,"step":"create bridge br0"} (index 0-based). An answer
 * is the line with "ok"; a client that skips lines without it sees the protocol as before. A line
 * {"op":"cancel","id":N} names the up (by its id) to stop; it is a signal, not a request (it gets no
 * answer of its own): that up stops between steps, undoes what it did, and answers
 * {"ok":false,"cancelled":true,...}. A cancel for an up that has finished does nothing.
 * An up whose changes can cut the host off answers "confirmBy" (epoch milliseconds) too.
 */
public final class Agent {
  private final Labs labs;
  private final LabCounters counters;
  /** Ids of ups the client cancelled; a cancel may arrive before its up starts (requests queue). */
  private final java.util.Set<String> cancelled = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public Agent(Labs labs) {
    this.labs = labs;
    this.counters = new LabCounters(labs);
  }

  /** Answers one request; a failure is an answer too ({"ok":false,"error":...}), never an exception. */
  public ObjectNode handle(JsonNode request) {
    return handle(request, event -> { });
  }

  /** Answers one request; {@code events} gets the progress lines of an up as its steps run. */
  public ObjectNode handle(JsonNode request, java.util.function.Consumer<ObjectNode> events) {
    ObjectNode answer = Journal.JSON.createObjectNode();
    answer.set("id", request.path("id"));
    try {
      switch (request.path("op").asText()) {
        case "up" -> up(request, answer, events);
        case "confirm" -> labs.confirm(lab(request));
        case "down" -> down(lab(request), answer);
        case "counters" -> counters(request, answer);
        case "link" -> link(request, answer);
        case "guests" -> guests(lab(request), answer);
        case "console" -> console(lab(request), request.path("guest").asText(), answer);
        case "verify" -> verify(request, answer);
        case "labs" -> labs(answer);
        case "stats" -> stats(lab(request), answer);
        default -> throw new IllegalArgumentException("unknown op '" + request.path("op").asText()
            + "': use up, down, confirm, labs, stats, counters, link, guests, console or verify");
      }
      answer.put("ok", true);
    } catch (Applier.ApplyException e) {
      answer.put("ok", false).put("error", e.getMessage()).put("cancelled", e.cancelled());
    } catch (ConfirmWatch.TooLateException e) {
      answer.put("ok", false).put("error", e.getMessage()).put("tooLate", true);
    } catch (LabLock.BusyException e) {
      answer.put("ok", false).put("error", e.getMessage()).put("busy", true);
    } catch (IOException | RuntimeException | TopologyFileException e) {
      answer.put("ok", false).put("error", e.getMessage() == null ? e.toString() : e.getMessage());
    }
    return answer;
  }

  private static String lab(JsonNode request) {
    return LabName.checked(request.path("lab").asText(null));
  }

  /** Stops the up with this request id between two steps (it then rolls back); any thread may call it. */
  public void cancel(JsonNode upId) {
    cancelled.add(upId.asText());
  }

  private void up(JsonNode request, ObjectNode answer, java.util.function.Consumer<ObjectNode> events)
      throws IOException, Applier.ApplyException, TopologyFileException {
    Topology t = TopologyFiles.parse(Journal.JSON.writeValueAsString(request.path("topology")), "request");
    TargetSpec spec = switch (request.path("target").asText("sandbox")) {
      case "sandbox" -> TargetSpec.sandbox();
      case "host" -> TargetSpec.host();
      case "netns" -> TargetSpec.netns(request.path("netns").asText(null));
      default -> throw new IllegalArgumentException("target must be sandbox, host or netns");
    };
    labs.withGuests(new LabGuestStarter(t, labs.root(), lab(request), spec.hostNamespace(lab(request))));
    labs.withProgress(progress(request.path("id"), events));
    Labs.UpResult r;
    try {
      r = labs.up(t, lab(request), spec, request.path("confirm").asInt(0), "agent");
    } finally {
      labs.withProgress(Applier.Progress.NONE);
      cancelled.remove(request.path("id").asText());
    }
    ArrayNode done = answer.putArray("done");
    r.done().forEach(d -> done.addObject().put("step", PlanText.describe(d.step())).put("outcome", d.outcome()));
    answer.put("where", r.where()).put("needsConfirmation", r.needsConfirmation());
    LabRecord record = LabRecord.read(lab(request), labs.journal(lab(request)));
    if (record.awaitingConfirmation()) {
      answer.put("confirmBy", record.confirmBy());
    }
  }

  private Applier.Progress progress(JsonNode id, java.util.function.Consumer<ObjectNode> events) {
    return new Applier.Progress() {
      @Override
      public void step(int index, int total, dev.patchbay.model.plan.Step step) {
        ObjectNode e = Journal.JSON.createObjectNode();
        e.set("id", id);
        events.accept(e.put("event", "progress").put("index", index).put("total", total)
            .put("step", PlanText.describe(step)));
      }

      @Override
      public boolean cancelled() {
        return cancelled.contains(id.asText());
      }
    };
  }

  private void counters(JsonNode request, ObjectNode answer) throws IOException, TopologyFileException {
    Topology t = TopologyFiles.parse(Journal.JSON.writeValueAsString(request.path("topology")), "request");
    var snapshot = counters.poll(lab(request), t);
    answer.put("elapsedSeconds", snapshot.elapsedSeconds());
    answer.set("links", Journal.JSON.valueToTree(snapshot.links()));
  }

  /** Stops the lab's guests (by PID, from their run folders), then removes everything it made. */
  private void down(String lab, ObjectNode answer) throws IOException {
    counters.forget(lab);
    labs.withGuests(LabGuestStarter.forDown(labs.root(), lab));
    java.util.List<String> report = labs.down(lab);
    answer.set("report", Journal.JSON.valueToTree(report));
  }

  /** Cuts or restores a running lab's link: QMP set_link on the netdev that carries it. */
  private void link(JsonNode request, ObjectNode answer) throws IOException, TopologyFileException {
    Topology t = TopologyFiles.parse(Journal.JSON.writeValueAsString(request.path("topology")), "request");
    answer.put("result", dev.patchbay.backends.qemu.LabLinks.set(t, labs.root(), lab(request),
        request.path("link").asText(), request.path("up").asBoolean(true)));
  }

  /** Each guest's state (stopped, booting, running, crashed) and QEMU's last stderr lines. */
  private void guests(String lab, ObjectNode answer) {
    ObjectNode guests = answer.putObject("guests");
    LabGuestStarter.states(labs.root(), lab).forEach((name, status) -> {
      ObjectNode g = guests.putObject(name).put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
      status.lastStderr().forEach(g.putArray("stderr")::add);
    });
  }

  /** The end of a guest's serial console (the last 16 KiB). */
  private void console(String lab, String guest, ObjectNode answer) throws IOException {
    if (!guest.matches("[A-Za-z0-9_.-]{1,64}") || guest.matches("\\.+")) {
      throw new IllegalArgumentException("guest name '" + guest + "' refused");
    }
    java.nio.file.Path log = LabGuestStarter.guestsDir(labs.root(), lab).resolve(guest).resolve("serial.log");
    if (!java.nio.file.Files.exists(log, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("guest " + guest + " of lab " + lab + " has no console yet");
    }
    // Never through a link: a root agent must not show a file someone pointed serial.log at.
    byte[] all = dev.patchbay.backends.os.SafeFiles.readAllBytes(log);
    int from = Math.max(0, all.length - 16 * 1024);
    answer.put("text", new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Applies the design in a throwaway sandbox, probes every matrix cell with real packets, tears down. */
  private void verify(JsonNode request, ObjectNode answer)
      throws IOException, Applier.ApplyException, TopologyFileException {
    Topology t = TopologyFiles.parse(Journal.JSON.writeValueAsString(request.path("topology")), "request");
    try {
      var report = dev.patchbay.backends.verify.VerifyRun.standard(labs).run(t, lab(request), "designer", false);
      answer.set("report", Journal.JSON.readTree(report.json()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("verify was interrupted", e);
    }
  }

  private void labs(ObjectNode answer) throws IOException {
    ArrayNode list = answer.putArray("labs");
    for (LabRecord r : labs.list()) {
      list.addObject().put("lab", r.lab()).put("where", r.where()).put("since", r.since())
          .put("applied", r.applied()).put("awaitingConfirmation", r.awaitingConfirmation());
    }
  }

  /** Counters of the lab's own links only: a link without the lab's marker is not reported. */
  private void stats(String lab, ObjectNode answer) throws IOException {
    LabRecord record = LabRecord.read(lab, labs.journal(lab));
    if (record.target() == null) {
      throw new IOException("no lab named " + lab);
    }
    Marker marker = Marker.of(lab);
    ObjectNode links = answer.putObject("links");
    try (Target target = record.namespace() == null ? Target.host() : Target.namespace(record.namespace())) {
      Map<Integer, LinkCounters> counters = target.rt().counters();
      for (Link l : target.rt().links()) {
        LinkCounters c = counters.get(l.index());
        if (l.alias().filter(marker.alias()::equals).isPresent() && c != null) {
          links.putObject(l.name()).put("rxPackets", c.rxPackets()).put("txPackets", c.txPackets())
              .put("rxBytes", c.rxBytes()).put("txBytes", c.txBytes()).put("rxDropped", c.rxDropped())
              .put("txDropped", c.txDropped());
        }
      }
    }
  }
}

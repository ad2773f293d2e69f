package dev.patchbay.backends.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.backends.apply.Applier;
import dev.patchbay.backends.apply.Journal;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.verify.Cell;
import dev.patchbay.backends.verify.VerifyReport;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent protocol's JSON (AGENT.md): how each request's and answer's fields are written and read,
 * on both sides of the pipe. Designs travel in the topology file's format, steps in the journal's.
 * A field that is missing or of the wrong type is refused with a sentence naming it.
 */
final class AgentCodec {
  static final ObjectMapper JSON = new ObjectMapper();

  private AgentCodec() {}

  static ObjectNode request(String op) {
    return JSON.createObjectNode().put("op", op);
  }

  static ObjectNode design(Topology t) {
    try {
      return (ObjectNode) JSON.readTree(TopologyFiles.toJson(t));
    } catch (IOException e) {
      throw new IllegalStateException("a design's own JSON does not read back", e);
    }
  }

  static Topology design(JsonNode node, String source) throws LabException {
    try {
      return TopologyFiles.parse(JSON.writeValueAsString(node), source);
    } catch (TopologyFileException | IOException e) {
      throw new LabException(LabException.Reason.REFUSED, e.getMessage(), e);
    }
  }

  static ObjectNode target(TargetSpec t) {
    return JSON.createObjectNode().put("kind", t.kind().word()).put("netns", t.namespace());
  }

  static TargetSpec target(JsonNode node) throws LabException {
    String kind = text(node, "kind");
    return switch (kind) {
      case "sandbox" -> TargetSpec.sandbox();
      case "host" -> TargetSpec.host();
      case "netns" -> TargetSpec.netns(text(node, "netns"));
      default -> throw new LabException(LabException.Reason.REFUSED, "target must be sandbox, host or netns, not '"
          + kind + "'");
    };
  }

  static ArrayNode plan(Plan plan) {
    ArrayNode steps = JSON.createArrayNode();
    plan.steps().forEach(s -> steps.add(Journal.stepNode(s)));
    return steps;
  }

  static Plan plan(JsonNode steps) throws LabException {
    List<Step> out = new ArrayList<>();
    for (JsonNode s : steps) {
      out.add(step(s));
    }
    return new Plan(out);
  }

  private static Step step(JsonNode s) throws LabException {
    try {
      return Journal.step(s);
    } catch (IOException e) {
      throw new LabException(LabException.Reason.ERROR, e.getMessage(), e);
    }
  }

  static ObjectNode up(LabService.UpAnswer a, ObjectNode out) {
    out.put("lab", a.lab()).put("where", a.where()).put("confirmBy", a.confirmBy());
    out.set("plan", plan(a.plan()));
    ArrayNode done = out.putArray("done");
    a.done().forEach(d -> done.addObject().put("outcome", d.outcome()).set("step", Journal.stepNode(d.step())));
    out.set("notApplied", JSON.valueToTree(a.notApplied()));
    return out;
  }

  static LabService.UpAnswer up(JsonNode a) throws LabException {
    List<Applier.Done> done = new ArrayList<>();
    for (JsonNode d : a.path("done")) {
      done.add(new Applier.Done(step(d.path("step")), text(d, "outcome")));
    }
    List<String> notApplied = new ArrayList<>();
    a.path("notApplied").forEach(s -> notApplied.add(s.asText()));
    return new LabService.UpAnswer(text(a, "lab"), text(a, "where"), plan(a.path("plan")), done,
        a.path("confirmBy").asLong(), notApplied);
  }

  static ObjectNode counters(CounterSnapshot s, ObjectNode out) {
    out.put("elapsedSeconds", s.elapsedSeconds());
    out.set("links", JSON.valueToTree(s.links()));
    return out;
  }

  static CounterSnapshot counters(JsonNode a) throws LabException {
    List<LinkReading> links = new ArrayList<>();
    try {
      for (JsonNode l : a.path("links")) {
        links.add(JSON.treeToValue(l, LinkReading.class));
      }
    } catch (IOException e) {
      throw new LabException(LabException.Reason.ERROR, "the agent's counters do not read: " + e.getMessage(), e);
    }
    return new CounterSnapshot(Instant.now(), a.path("elapsedSeconds").asDouble(), links);
  }

  static ObjectNode verify(VerifyReport r, ObjectNode out) {
    out.put("lab", r.lab());
    out.set("cells", JSON.valueToTree(r.cells()));
    out.set("notApplied", JSON.valueToTree(r.notApplied()));
    return out;
  }

  static VerifyReport verify(JsonNode a) throws LabException {
    List<Cell> cells = new ArrayList<>();
    try {
      for (JsonNode c : a.path("cells")) {
        cells.add(JSON.treeToValue(c, Cell.class));
      }
    } catch (IOException e) {
      throw new LabException(LabException.Reason.ERROR, "the agent's verify report does not read: " + e.getMessage(), e);
    }
    List<String> notApplied = new ArrayList<>();
    a.path("notApplied").forEach(s -> notApplied.add(s.asText()));
    return new VerifyReport(text(a, "lab"), cells, notApplied);
  }

  static ObjectNode labs(List<LabService.LabSummary> labs, ObjectNode out) {
    ArrayNode list = out.putArray("labs");
    labs.forEach(l -> list.addObject().put("lab", l.lab()).put("where", l.where()).put("since", l.since())
        .put("state", l.state()).put("confirmBy", l.confirmBy()));
    return out;
  }

  static List<LabService.LabSummary> labs(JsonNode a) throws LabException {
    List<LabService.LabSummary> out = new ArrayList<>();
    for (JsonNode l : a.path("labs")) {
      out.add(new LabService.LabSummary(text(l, "lab"), text(l, "where"), l.path("since").asText(null), text(l, "state"),
          l.path("confirmBy").asLong()));
    }
    return out;
  }

  static ObjectNode guests(List<LabService.GuestState> guests, ObjectNode out) {
    ArrayNode list = out.putArray("guests");
    guests.forEach(g -> {
      ObjectNode n = list.addObject().put("name", g.name()).put("state", g.state());
      g.stderr().forEach(n.putArray("stderr")::add);
    });
    return out;
  }

  static List<LabService.GuestState> guests(JsonNode a) throws LabException {
    List<LabService.GuestState> out = new ArrayList<>();
    for (JsonNode g : a.path("guests")) {
      out.add(new LabService.GuestState(text(g, "name"), text(g, "state"), strings(g.path("stderr"))));
    }
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return out;
  }

  static ArrayNode strings(List<String> lines) {
    ArrayNode out = JSON.createArrayNode();
    lines.forEach(out::add);
    return out;
  }

  /** A text field that must be there. */
  static String text(JsonNode node, String field) throws LabException {
    JsonNode v = node.path(field);
    if (!v.isTextual()) {
      throw new LabException(LabException.Reason.REFUSED, "the agent protocol's \"" + field + "\" is missing or not"
          + " text");
    }
    return v.asText();
  }

  /** The failure line: {"ok":false,"reason":R,"error":sentence}. */
  static ObjectNode failure(LabException e, ObjectNode out) {
    return out.put("ok", false).put("reason", e.reason().word()).put("error", e.getMessage());
  }

  static LabException failure(JsonNode answer) {
    return new LabException(LabException.Reason.of(answer.path("reason").asText()),
        answer.path("error").asText("the agent failed without saying why"));
  }
}

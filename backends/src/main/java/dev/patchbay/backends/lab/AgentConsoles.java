package dev.patchbay.backends.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The agent's side of the interactive consoles (AGENT.md, "Consoles"): console-open, console-input
 * and console-close name a lab and a guest, never a path; the lab service checks both against the
 * lab's own design when the console opens, and input goes only to a console this client opened. The
 * guest's output leaves as console-output events, its end as one console-ended event.
 */
final class AgentConsoles {
  static final Set<String> OPS = Set.of("console-open", "console-input", "console-close");
  /** One request's input: a paste, not a file. */
  static final int MAX_INPUT = 64 * 1024;

  private final LabService service;
  private final Consumer<ObjectNode> events;
  private final Map<String, LabService.ConsoleSession> open = new ConcurrentHashMap<>();

  AgentConsoles(LabService service, Consumer<ObjectNode> events) {
    this.service = service;
    this.events = events;
  }

  void serve(String op, JsonNode r, ObjectNode answer) throws LabException {
    String lab = AgentCodec.text(r, "lab");
    String guest = AgentCodec.text(r, "guest");
    String key = lab + "/" + guest;
    switch (op) {
      case "console-open" -> open(lab, guest, key);
      case "console-input" -> {
        LabService.ConsoleSession s = open.get(key);
        if (s == null) {
          throw new LabException(LabException.Reason.REFUSED, "guest " + guest + "'s console in lab " + lab
              + " is not open: send console-open first");
        }
        s.send(input(r));
      }
      case "console-close" -> {
        LabService.ConsoleSession s = open.remove(key);
        if (s != null) {
          s.close();
        }
      }
      default -> throw new LabException(LabException.Reason.REFUSED, "unknown console op '" + op + "'");
    }
    answer.put("lab", lab).put("guest", guest);
  }

  private void open(String lab, String guest, String key) throws LabException {
    if (open.containsKey(key)) {
      throw new LabException(LabException.Reason.BUSY, "guest " + guest + "'s console in lab " + lab + " is open already");
    }
    LabService.ConsoleSession s = service.openConsole(lab, guest, new LabService.ConsoleListener() {
      @Override
      public void output(byte[] data) {
        events.accept(event("console-output", lab, guest).put("data", Base64.getEncoder().encodeToString(data)));
      }

      @Override
      public void ended(String why) {
        open.remove(key);
        events.accept(event("console-ended", lab, guest).put("why", why));
      }
    });
    open.put(key, s);
  }

  private static ObjectNode event(String kind, String lab, String guest) {
    return AgentCodec.JSON.createObjectNode().put("event", kind).put("lab", lab).put("guest", guest);
  }

  private static byte[] input(JsonNode r) throws LabException {
    byte[] data;
    try {
      data = Base64.getDecoder().decode(AgentCodec.text(r, "data"));
    } catch (IllegalArgumentException e) {
      throw new LabException(LabException.Reason.REFUSED, "the console input's \"data\" is not base64", e);
    }
    if (data.length > MAX_INPUT) {
      throw new LabException(LabException.Reason.REFUSED, "console input of " + data.length + " bytes: at most "
          + MAX_INPUT + " in one request");
    }
    return data;
  }

  void closeAll() {
    open.values().forEach(LabService.ConsoleSession::close);
    open.clear();
  }
}

package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.HostSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * How a step is written in a lab's journal: {@code {"kind":K,"fields":{...}}} with a kind name and
 * field names of the journal's own, spelled out here for each kind (backends/JOURNAL.md), never taken
 * from Java class or component names: a journal outlives the release that wrote it, and `down` after
 * an upgrade must still read it. A kind of step that is not listed here fails the test that checks
 * every step of the sealed Step hierarchy has one.
 */
final class StepFormat {
  private StepFormat() {}

  /** Reads one kind's fields. */
  @FunctionalInterface
  private interface Reader {
    Step read(Fields in) throws IOException;
  }

  private record Kind(String name, Class<? extends Step> type, BiConsumer<Step, Out> writer, Reader reader) {}

  private static final Map<String, Kind> BY_NAME = new HashMap<>();
  private static final Map<Class<?>, Kind> BY_TYPE = new HashMap<>();

  private static <S extends Step> void kind(String name, Class<S> type, BiConsumer<S, Out> writer, Reader reader) {
    Kind k = new Kind(name, type, (s, out) -> writer.accept(type.cast(s), out), reader);
    BY_NAME.put(name, k);
    BY_TYPE.put(type, k);
  }

  static {
    kind("CreateTap", Step.CreateTap.class, (s, o) -> o.str("name", s.name()).str("owner", s.owner()),
        in -> new Step.CreateTap(in.str("name"), in.str("owner")));
    kind("DeleteTap", Step.DeleteTap.class, (s, o) -> o.str("name", s.name()).str("owner", s.owner()),
        in -> new Step.DeleteTap(in.str("name"), in.str("owner")));
    kind("CreateBridge", Step.CreateBridge.class, (s, o) -> o.str("name", s.name()).bool("stp", s.stp()),
        in -> new Step.CreateBridge(in.str("name"), in.bool("stp")));
    kind("DeleteBridge", Step.DeleteBridge.class, (s, o) -> o.str("name", s.name()).bool("stp", s.stp()),
        in -> new Step.DeleteBridge(in.str("name"), in.bool("stp")));
    kind("Enslave", Step.Enslave.class, (s, o) -> o.str("device", s.device()).str("bridge", s.bridge()),
        in -> new Step.Enslave(in.str("device"), in.str("bridge")));
    kind("Release", Step.Release.class, (s, o) -> o.str("device", s.device()).str("bridge", s.bridge()),
        in -> new Step.Release(in.str("device"), in.str("bridge")));
    kind("SetUp", Step.SetUp.class, (s, o) -> o.str("device", s.device()), in -> new Step.SetUp(in.str("device")));
    kind("SetDown", Step.SetDown.class, (s, o) -> o.str("device", s.device()),
        in -> new Step.SetDown(in.str("device")));
    kind("AddAddress", Step.AddAddress.class, (s, o) -> o.str("device", s.device()).str("cidr", s.cidr()),
        in -> new Step.AddAddress(in.str("device"), in.str("cidr")));
    kind("RemoveAddress", Step.RemoveAddress.class, (s, o) -> o.str("device", s.device()).str("cidr", s.cidr()),
        in -> new Step.RemoveAddress(in.str("device"), in.str("cidr")));
    kind("AddRoute", Step.AddRoute.class,
        (s, o) -> o.str("destination", s.destination()).str("via", s.via()).str("device", s.device()),
        in -> new Step.AddRoute(in.str("destination"), in.str("via"), in.str("device")));
    kind("RemoveRoute", Step.RemoveRoute.class,
        (s, o) -> o.str("destination", s.destination()).str("via", s.via()).str("device", s.device()),
        in -> new Step.RemoveRoute(in.str("destination"), in.str("via"), in.str("device")));
    kind("SetSysctl", Step.SetSysctl.class, (s, o) -> o.str("key", s.key()).str("from", s.from()).str("to", s.to()),
        in -> new Step.SetSysctl(in.str("key"), in.str("from"), in.str("to")));
    kind("LoadNat", Step.LoadNat.class, (s, o) -> o.str("table", s.table()).nat("rules", s.rules()),
        in -> new Step.LoadNat(in.str("table"), in.nat("rules")));
    kind("DeleteNat", Step.DeleteNat.class, (s, o) -> o.str("table", s.table()).nat("rules", s.rules()),
        in -> new Step.DeleteNat(in.str("table"), in.nat("rules")));
    kind("ClearUplinkAddresses", Step.ClearUplinkAddresses.class, (s, o) -> o.str("uplink", s.uplink()),
        in -> new Step.ClearUplinkAddresses(in.str("uplink")));
    kind("RestoreUplinkAddresses", Step.RestoreUplinkAddresses.class, (s, o) -> o.str("uplink", s.uplink()),
        in -> new Step.RestoreUplinkAddresses(in.str("uplink")));
    kind("StartVdeSwitch", Step.StartVdeSwitch.class, (s, o) -> o.str("name", s.name())
        .str("socketPath", s.socketPath()).bool("hubMode", s.hubMode()).str("tap", s.tap()),
        in -> new Step.StartVdeSwitch(in.str("name"), in.str("socketPath"), in.bool("hubMode"), in.str("tap")));
    kind("StopVdeSwitch", Step.StopVdeSwitch.class, (s, o) -> o.str("name", s.name())
        .str("socketPath", s.socketPath()).bool("hubMode", s.hubMode()).str("tap", s.tap()),
        in -> new Step.StopVdeSwitch(in.str("name"), in.str("socketPath"), in.bool("hubMode"), in.str("tap")));
    kind("StartGuest", Step.StartGuest.class, (s, o) -> o.str("guest", s.guest()).strings("arguments", s.arguments())
        .ints("listens", s.listens()),
        in -> new Step.StartGuest(in.str("guest"), in.strings("arguments"), in.ints("listens")));
    kind("StopGuest", Step.StopGuest.class, (s, o) -> o.str("guest", s.guest()).strings("arguments", s.arguments())
        .ints("listens", s.listens()),
        in -> new Step.StopGuest(in.str("guest"), in.strings("arguments"), in.ints("listens")));
  }

  /** Whether every kind of step has a journal format (the sealed hierarchy's permitted records). */
  static List<Class<?>> unformatted() {
    List<Class<?>> missing = new ArrayList<>();
    for (Class<?> c : Step.class.getPermittedSubclasses()) {
      if (!BY_TYPE.containsKey(c)) {
        missing.add(c);
      }
    }
    return missing;
  }

  /** Appends {@code {"kind":K,"fields":{...}}}. */
  static void write(StringBuilder out, Step step) {
    Kind k = BY_TYPE.get(step.getClass());
    if (k == null) {
      throw new IllegalStateException("the journal has no format for " + step);
    }
    out.append("{\"kind\":");
    Out.quote(out, k.name());
    out.append(",\"fields\":{");
    k.writer().accept(step, new Out(out));
    out.append("}}");
  }

  static Step read(JsonNode node) throws IOException {
    String name = node.path("kind").asText();
    Kind k = BY_NAME.get(name);
    if (k == null) {
      throw new IOException("the journal names a step of kind '" + printable(name) + "', which this Patchbay does"
          + " not know (written by a newer release?)");
    }
    return k.reader().read(new Fields(node.path("fields"), name));
  }

  private static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /** Writes a kind's fields as JSON text, in order, with commas between. */
  static final class Out {
    private final StringBuilder out;
    private boolean first = true;

    Out(StringBuilder out) {
      this.out = out;
    }

    private StringBuilder name(String name) {
      out.append(first ? "" : ",");
      first = false;
      return quote(out, name).append(':');
    }

    Out str(String name, String value) {
      if (value == null) {
        name(name).append("null");
      } else {
        quote(name(name), value);
      }
      return this;
    }

    Out bool(String name, boolean value) {
      name(name).append(value);
      return this;
    }

    Out strings(String name, List<String> values) {
      name(name).append('[');
      for (int i = 0; i < values.size(); i++) {
        quote(out.append(i == 0 ? "" : ","), values.get(i));
      }
      out.append(']');
      return this;
    }

    Out ints(String name, List<Integer> values) {
      name(name).append('[');
      for (int i = 0; i < values.size(); i++) {
        out.append(i == 0 ? "" : ",").append(values.get(i).intValue());
      }
      out.append(']');
      return this;
    }

    Out nat(String name, List<HostSettings.Nat> rules) {
      name(name).append('[');
      for (int i = 0; i < rules.size(); i++) {
        out.append(i == 0 ? "{" : ",{");
        new Out(out).str("source", rules.get(i).source()).str("out", rules.get(i).out());
        out.append('}');
      }
      out.append(']');
      return this;
    }

    static StringBuilder quote(StringBuilder out, String text) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.append('"');
    }
  }

  /** Reads a kind's fields, refusing a field of the wrong type with the kind and field named. */
  static final class Fields {
    private final JsonNode fields;
    private final String kind;

    Fields(JsonNode fields, String kind) {
      this.fields = fields;
      this.kind = kind;
    }

    String str(String name) throws IOException {
      JsonNode v = fields.path(name);
      if (v.isMissingNode() || v.isNull()) {
        return null;
      }
      if (!v.isTextual()) {
        throw wrong(name, "text");
      }
      return v.asText();
    }

    boolean bool(String name) throws IOException {
      JsonNode v = fields.path(name);
      if (!v.isBoolean()) {
        throw wrong(name, "true or false");
      }
      return v.asBoolean();
    }

    List<String> strings(String name) throws IOException {
      List<String> out = new ArrayList<>();
      for (JsonNode v : array(name)) {
        if (!v.isTextual()) {
          throw wrong(name, "a list of text");
        }
        out.add(v.asText());
      }
      return out;
    }

    List<Integer> ints(String name) throws IOException {
      List<Integer> out = new ArrayList<>();
      for (JsonNode v : array(name)) {
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
          throw wrong(name, "a list of whole numbers");
        }
        out.add(v.intValue());
      }
      return out;
    }

    List<HostSettings.Nat> nat(String name) throws IOException {
      List<HostSettings.Nat> out = new ArrayList<>();
      for (JsonNode v : array(name)) {
        Fields rule = new Fields(v, kind);
        out.add(new HostSettings.Nat(rule.str("source"), rule.str("out")));
      }
      return out;
    }

    private JsonNode array(String name) throws IOException {
      JsonNode v = fields.path(name);
      if (v.isMissingNode() || v.isNull()) {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      if (!v.isArray()) {
        throw wrong(name, "a list");
      }
      return v;
    }

    private IOException wrong(String name, String expected) {
      return new IOException("the journal's " + kind + " step has a field '" + name + "' that is not " + expected);
    }
  }
}

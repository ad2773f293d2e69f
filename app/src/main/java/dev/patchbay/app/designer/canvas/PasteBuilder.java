package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.edit.AddElementCommand;
import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.CompoundCommand;
import dev.patchbay.model.edit.ConnectCommand;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link Clip} into one command adding copies: fresh ids, names, MACs and addresses, links
 * among the copies kept, everything moved to a free place beside the originals so the copies hide
 * nothing (see {@link CopyPlacement}).
 */
public final class PasteBuilder {
  private final ElementFactory factory;

  public PasteBuilder(ElementFactory factory) {
    this.factory = factory;
  }

  /** The command, and the ids of the copies (the new selection). */
  public record Paste(Command command, List<String> ids) {}

  public Paste build(Clip clip, Topology target) {
    Point offset = CopyPlacement.freeOffset(clip, target);
    Topology scratch = copyOfIds(target);
    Set<Ipv4> taken = Addresses.used(target);
    Map<String, String> idMap = new HashMap<>();
    List<Command> parts = new ArrayList<>();
    for (Element e : clip.elements()) {
      Element copy = freshCopy(e, scratch, taken);
      idMap.put(e.id(), copy.id());
      Point at = clip.positions().getOrDefault(e.id(), new Point(40, 40)).translate(offset.x(), offset.y());
      scratch.add(copy, at);
      parts.add(new AddElementCommand(copy, at));
    }
    for (Link l : clip.links()) {
      String id = scratch.freshId("l");
      Link copy = new Link(id, remap(l.a(), idMap), remap(l.b(), idMap));
      scratch.connect(copy);
      parts.add(new ConnectCommand(copy));
    }
    String what = clip.elements().size() == 1 ? clip.elements().get(0).name() : clip.elements().size() + " elements";
    return new Paste(new CompoundCommand("Paste " + what, parts), List.copyOf(idMap.values()));
  }

  private static Topology copyOfIds(Topology t) {
    Topology scratch = new Topology();
    t.elements().forEach(e -> scratch.add(e, null));
    t.links().forEach(scratch::connect);
    return scratch;
  }

  private Element freshCopy(Element e, Topology scratch, Set<Ipv4> taken) {
    String id = scratch.freshId(e.kind().idPrefix());
    String name = nextInSeries(e.name(), scratch);
    Element copy = e.withIdentity(id, name);
    if (copy instanceof Guest g) {
      return g.withNics(g.nics().stream().map(n -> freshNic(n, scratch, taken)).toList());
    }
    if (copy instanceof Bridge b && b.address() != null) {
      return b.withAddress(Addresses.nextFree(b.address(), taken));
    }
    if (copy instanceof Tap tp && tp.address() != null) {
      return new Tap(tp.id(), tp.name(), Addresses.nextFree(tp.address(), taken), tp.owner());
    }
    if (copy instanceof Uplink u && u.address() != null) {
      return u.withAddress(Addresses.nextFree(u.address(), taken));
    }
    return copy;
  }

  private Nic freshNic(Nic n, Topology scratch, Set<Ipv4> taken) {
    Nic out = n.withMac(factory.freshMac(scratch));
    IpConfig ip = n.ip();
    if (ip.isStatic() && ip.address() != null) {
      out = out.withIp(new IpConfig(ip.mode(), Addresses.nextFree(ip.address(), taken), ip.gateway(), ip.dns()));
    }
    return out;
  }

  private static Endpoint remap(Endpoint end, Map<String, String> idMap) {
    return new Endpoint(idMap.get(end.element()), end.port());
  }

  /**
   * The copy's name: the next free one in the original's series, so a copy of GUEST1 is GUEST2 (or
   * GUEST3 when GUEST2 exists) and of tap09 is tap10; a name without a number starts its series at 2
   * (router, router2). Counting up from 0 named copies of GUEST1 "GUEST0", which reads as a first.
   */
  static String nextInSeries(String name, Topology t) {
    java.util.regex.Matcher m = SERIES.matcher(name);
    String stem = m.matches() ? m.group(1) : name;
    String digits = m.matches() ? m.group(2) : "";
    long n = digits.isEmpty() ? 2 : Long.parseLong(digits) + 1;
    Set<String> names = new java.util.HashSet<>();
    t.elements().forEach(e -> names.add(e.name()));
    String candidate;
    do {
      candidate = stem + pad(n++, digits.length());
    } while (names.contains(candidate));
    return candidate;
  }

  /** A name's stem and its trailing number (at most 9 digits, so it always parses). */
  private static final java.util.regex.Pattern SERIES = java.util.regex.Pattern.compile("(.*?\\D)(\\d{1,9})");

  private static String pad(long n, int width) {
    String s = Long.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}

package dev.patchbay.model;

import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.edit.ConnectCommand;
import dev.patchbay.model.edit.MoveCommand;
import dev.patchbay.model.edit.RemoveCommand;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.edit.SetHostCommand;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Random edits through commands (with undo and redo), for property tests over broken designs. */
public final class RandomEdits {
  private static final List<String> MACS = List.of("52:54:00:00:00:10", "52:54:00:12:34:56", "zz", "53:00:00:00:00:01");
  private static final List<String> ADDRESSES = List.of("192.168.0.10/24", "172.20.0.10/16", "10.0.0.11/8",
      "192.168.1.10/24", "10.0.2.15/24", "192.168.0.300/24");
  private static final List<String> NAMES = List.of("tap0", "tap1", "br0", "a-name-that-is-too-long", "x y");

  private RandomEdits() {}

  /** One random edit: undo, redo, or a command that may well break the design. */
  public static void edit(Topology t, CommandStack stack, Random random) {
    int kind = random.nextInt(15);
    if (kind == 0 && stack.canUndo()) {
      stack.undo();
    } else if (kind == 1 && stack.canRedo()) {
      stack.redo();
    } else {
      command(t, random, kind).ifPresent(stack::push);
    }
  }

  private static Optional<Command> command(Topology t, Random random, int kind) {
    List<Element> elements = new ArrayList<>(t.elements());
    List<Link> links = new ArrayList<>(t.links());
    Element e = elements.isEmpty() ? null : elements.get(random.nextInt(elements.size()));
    return switch (kind) {
      case 2 -> Optional.of(new SetHostCommand(t.host().withIpForward(!t.host().ipForward()), "forward"));
      case 3 -> links.isEmpty() ? Optional.empty() : Optional.of(new RemoveCommand(Set.of(),
          Set.of(links.get(random.nextInt(links.size())).id())));
      case 4 -> randomLink(t, random, elements);
      case 5 -> e == null ? Optional.empty()
          : Optional.of(new MoveCommand(Map.of(e.id(), new Point(0, 0)), Map.of(e.id(), new Point(9, 9)), false));
      case 6 -> pick(t, Guest.class, random).flatMap(g -> nicEdit(g, random));
      case 7 -> e == null ? Optional.empty() : Optional.of(new ReplaceElementCommand(rename(e, random), "rename"));
      case 8 -> pick(t, UserNet.class, random).map(u -> new ReplaceElementCommand(u.withHostfwd(List.of(
          new HostForward(HostForward.Protocol.TCP, null, List.of(22, 5022, 80, 8080).get(random.nextInt(4)), null, 22))),
          "hostfwd"));
      case 9 -> e == null || random.nextInt(3) > 0 ? Optional.empty()
          : Optional.of(new RemoveCommand(Set.of(e.id()), Set.of()));
      case 11, 12, 13 -> pick(t, Guest.class, random).flatMap(g -> addressEdit(t, g, random));
      case 14 -> hostAddressEdit(t, random);
      default -> randomFix(t, random);
    };
  }

  /**
   * Host interfaces get names the kernel may refuse; any element may get its id as its name, its kind's
   * label (shown as "the guest (g1)"), or a name another element has.
   */
  private static Element rename(Element e, Random random) {
    if (e.isHostInterface() && random.nextBoolean()) {
      return e.withIdentity(e.id(), NAMES.get(random.nextInt(NAMES.size())));
    }
    List<String> names = List.of(e.id(), e.kind().label().toUpperCase(java.util.Locale.ROOT), e.name() + "2",
        "vm", "guest1");
    return e.withIdentity(e.id(), names.get(random.nextInt(names.size())));
  }

  private static <T extends Element> Optional<T> pick(Topology t, Class<T> type, Random random) {
    List<T> all = t.elementsOf(type).toList();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(random.nextInt(all.size())));
  }

  private static Optional<Command> nicEdit(Guest g, Random random) {
    if (g.nics().isEmpty()) {
      return Optional.empty();
    }
    int i = random.nextInt(g.nics().size());
    Nic n = g.nics().get(i);
    int what = random.nextInt(5);
    if (what >= 3) {
      // A NIC renamed (maybe to its neighbour's name) or dropped: its links now name no port.
      List<Nic> nics = new ArrayList<>(g.nics());
      if (what == 3) {
        nics.remove(i);
      } else {
        nics.set(i, new Nic(random.nextBoolean() ? "nic9" : g.nics().get(0).name(), n.model(), n.mac(), n.ip()));
      }
      return Optional.of(new ReplaceElementCommand(g.withNics(nics), "nics"));
    }
    Nic changed = what == 0 ? n.withMac(MACS.get(random.nextInt(MACS.size())))
        : n.withIp(IpConfig.fixed(ADDRESSES.get(random.nextInt(ADDRESSES.size())), n.ip().gateway()));
    return Optional.of(new ReplaceElementCommand(g.withNic(changed), "nic"));
  }

  /**
   * An edit of one NIC that keeps the guest's wiring (the incremental validator's scoped path): an
   * address taken from another NIC (on its segment or another: duplicates), one of another NIC's
   * subnet or a wider one (outside its segment, overlapping), DHCP or none (leases on the segment
   * shift), a gateway or DNS server that is someone's address, or another NIC's MAC.
   */
  private static Optional<Command> addressEdit(Topology t, Guest g, Random random) {
    if (g.nics().isEmpty()) {
      return Optional.empty();
    }
    List<Nic> all = t.elementsOf(Guest.class).flatMap(x -> x.nics().stream()).toList();
    Nic other = all.get(random.nextInt(all.size()));
    Nic n = g.nics().get(random.nextInt(g.nics().size()));
    String otherAddress = other.ip().address() != null ? other.ip().address() : "192.168.0.10/24";
    IpConfig ip = n.ip();
    IpConfig changed = switch (random.nextInt(8)) {
      case 0 -> IpConfig.fixed(otherAddress, ip.gateway());
      case 1 -> IpConfig.fixed(neighbour(otherAddress, random), ip.gateway());
      case 2 -> IpConfig.fixed(otherAddress.replaceAll("/\\d+$", List.of("/8", "/16", "/30").get(random.nextInt(3))),
          ip.gateway());
      case 3 -> IpConfig.dhcp();
      case 4 -> IpConfig.none();
      case 5 -> new IpConfig(IpConfig.Mode.STATIC, ip.address() != null ? ip.address() : otherAddress,
          otherAddress.replaceAll("/.*", ""), ip.dns());
      case 6 -> new IpConfig(ip.mode(), ip.address(), ip.gateway(), List.of(otherAddress.replaceAll("/.*", "")));
      default -> null;
    };
    Nic edited = changed == null ? n.withMac(other.mac()) : n.withIp(changed);
    return Optional.of(new ReplaceElementCommand(g.withNic(edited), "address"));
  }

  /** The address a few places after the given one, with its prefix. */
  private static String neighbour(String cidr, Random random) {
    return Cidr.parse(cidr).map(c -> c.address().plus(1 + random.nextInt(3)) + "/" + c.prefix()).orElse(cidr);
  }

  /** One edit of a guest that keeps its wiring, through a command; sometimes an undo or redo instead. */
  public static void addressEdit(Topology t, CommandStack stack, Random random) {
    int kind = random.nextInt(10);
    if (kind == 0 && stack.canUndo()) {
      stack.undo();
    } else if (kind == 1 && stack.canRedo()) {
      stack.redo();
    } else {
      pick(t, Guest.class, random).flatMap(g -> addressEdit(t, g, random)).ifPresent(stack::push);
    }
  }

  /** A tap or bridge gets another's address, or a wider subnet: subnets overlap across segments. */
  private static Optional<Command> hostAddressEdit(Topology t, Random random) {
    List<Element> ifs = t.elements().stream().filter(x -> x instanceof Tap || x instanceof Bridge).toList();
    if (ifs.isEmpty()) {
      return Optional.empty();
    }
    Element a = ifs.get(random.nextInt(ifs.size()));
    Element b = ifs.get(random.nextInt(ifs.size()));
    String address = b instanceof Tap tb ? tb.address() : ((Bridge) b).address();
    if (address != null && random.nextBoolean()) {
      address = address.replaceAll("/\\d+$", "/8");
    }
    Element edited = a instanceof Tap ta ? ta.withAddress(address) : ((Bridge) a).withAddress(address);
    return Optional.of(new ReplaceElementCommand(edited, "host address"));
  }

  private static Optional<Command> randomLink(Topology t, Random random, List<Element> elements) {
    List<Endpoint> ends = new ArrayList<>();
    for (Element e : elements) {
      if (e instanceof Guest g) {
        g.nics().forEach(n -> ends.add(Endpoint.of(g.id(), n.name())));
      } else {
        ends.add(Endpoint.of(e.id()));
      }
    }
    if (ends.size() < 2) {
      return Optional.empty();
    }
    Endpoint a = ends.get(random.nextInt(ends.size()));
    Endpoint b = ends.get(random.nextInt(ends.size()));
    return Optional.of(new ConnectCommand(new Link(t.freshId("r"), a, b)));
  }

  private static Optional<Command> randomFix(Topology t, Random random) {
    List<Fix> fixes = StandardRules.validator().check(t).stream().flatMap(d -> d.mechanicalFix().stream()).toList();
    return fixes.isEmpty() ? Optional.empty() : Optional.of(fixes.get(random.nextInt(fixes.size())).command(t));
  }

}

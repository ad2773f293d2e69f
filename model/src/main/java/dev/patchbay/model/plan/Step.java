package dev.patchbay.model.plan;

import dev.patchbay.model.topology.HostSettings;
import java.util.List;

/**
 * One small change to a host, as data. Every step knows its inverse, so a plan's reverse is the
 * inverses in reverse order; a forward step's inverse is a reverse step and back again.
 */
public sealed interface Step {

  /** The step that undoes this one. */
  Step inverse();

  /**
   * True when the step cannot be carried out from the plan alone: it must first read and remember
   * something on the host (the uplink's addresses; a sysctl's value when the plan did not know it).
   */
  default boolean needsHostState() {
    return false;
  }

  /** {@code ip tuntap add dev NAME mode tap [user OWNER]}; the classic {@code tunctl -u USER -t tap0}. */
  record CreateTap(String name, String owner) implements Step {
    public Step inverse() {
      return new DeleteTap(name, owner);
    }
  }

  record DeleteTap(String name, String owner) implements Step {
    public Step inverse() {
      return new CreateTap(name, owner);
    }
  }

  /** {@code ip link add NAME type bridge}; the classic {@code brctl addbr br0}. */
  record CreateBridge(String name, boolean stp) implements Step {
    public Step inverse() {
      return new DeleteBridge(name, stp);
    }
  }

  record DeleteBridge(String name, boolean stp) implements Step {
    public Step inverse() {
      return new CreateBridge(name, stp);
    }
  }

  /** {@code ip link set DEVICE master BRIDGE}; the classic {@code brctl addif br0 tap0}. */
  record Enslave(String device, String bridge) implements Step {
    public Step inverse() {
      return new Release(device, bridge);
    }
  }

  record Release(String device, String bridge) implements Step {
    public Step inverse() {
      return new Enslave(device, bridge);
    }
  }

  record SetUp(String device) implements Step {
    public Step inverse() {
      return new SetDown(device);
    }
  }

  record SetDown(String device) implements Step {
    public Step inverse() {
      return new SetUp(device);
    }
  }

  /** An address on a host interface, CIDR form (192.168.0.1/24). */
  record AddAddress(String device, String cidr) implements Step {
    public Step inverse() {
      return new RemoveAddress(device, cidr);
    }
  }

  record RemoveAddress(String device, String cidr) implements Step {
    public Step inverse() {
      return new AddAddress(device, cidr);
    }
  }

  /**
   * A host route: destination in CIDR form or {@code default}, through a gateway and/or a device.
   * Proxy ARP over Wi-Fi's {@code route add -host 192.168.1.10 tap1} is {@code AddRoute("192.168.1.10/32", null, "tap1")}.
   */
  record AddRoute(String destination, String via, String device) implements Step {
    public Step inverse() {
      return new RemoveRoute(destination, via, device);
    }
  }

  record RemoveRoute(String destination, String via, String device) implements Step {
    public Step inverse() {
      return new AddRoute(destination, via, device);
    }
  }

  /**
   * A kernel setting. {@code from} is the value before the step, or null when the plan was made
   * without reading the host (the script then saves the value it finds and restores that one).
   */
  record SetSysctl(String key, String from, String to) implements Step {
    public Step inverse() {
      return new SetSysctl(key, to, from);
    }

    @Override
    public boolean needsHostState() {
      return from == null;
    }
  }

  /** Patchbay's own nft table with one masquerade rule per NAT entry (device names, not ids). */
  record LoadNat(String table, List<HostSettings.Nat> rules) implements Step {
    public LoadNat {
      rules = List.copyOf(rules);
    }

    public Step inverse() {
      return new DeleteNat(table, rules);
    }
  }

  record DeleteNat(String table, List<HostSettings.Nat> rules) implements Step {
    public DeleteNat {
      rules = List.copyOf(rules);
    }

    public Step inverse() {
      return new LoadNat(table, rules);
    }
  }

  /**
   * The bridged-LAN scenario: the bridge takes over the uplink's address. The uplink's addresses and
   * routes are remembered, then removed; the inverse puts back exactly what was remembered.
   */
  record ClearUplinkAddresses(String uplink) implements Step {
    public Step inverse() {
      return new RestoreUplinkAddresses(uplink);
    }

    @Override
    public boolean needsHostState() {
      return true;
    }
  }

  record RestoreUplinkAddresses(String uplink) implements Step {
    public Step inverse() {
      return new ClearUplinkAddresses(uplink);
    }

    @Override
    public boolean needsHostState() {
      return true;
    }
  }

  /** {@code vde_switch [-hub] -tap TAP -sock PATH}: the VDE-switch scenario's user-space switch. */
  record StartVdeSwitch(String name, String socketPath, boolean hubMode, String tap) implements Step {
    public Step inverse() {
      return new StopVdeSwitch(name, socketPath, hubMode, tap);
    }
  }

  record StopVdeSwitch(String name, String socketPath, boolean hubMode, String tap) implements Step {
    public Step inverse() {
      return new StartVdeSwitch(name, socketPath, hubMode, tap);
    }
  }

  /**
   * A guest's QEMU process, program name first.
   *
   * @param listens TCP ports the process listens on (socket listen=, stream server=on): a guest that
   *     connects to one may start only once it is listening
   */
  record StartGuest(String guest, List<String> arguments, List<Integer> listens) implements Step {
    public StartGuest {
      arguments = List.copyOf(arguments);
      listens = listens == null ? List.of() : List.copyOf(listens);
    }

    public StartGuest(String guest, List<String> arguments) {
      this(guest, arguments, List.of());
    }

    public Step inverse() {
      return new StopGuest(guest, arguments, listens);
    }
  }

  record StopGuest(String guest, List<String> arguments, List<Integer> listens) implements Step {
    public StopGuest {
      arguments = List.copyOf(arguments);
      listens = listens == null ? List.of() : List.copyOf(listens);
    }

    public Step inverse() {
      return new StartGuest(guest, arguments, listens);
    }
  }
}

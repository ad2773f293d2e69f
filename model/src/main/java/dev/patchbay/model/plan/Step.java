package dev.patchbay.model.plan;

import dev.patchbay.model.topology.HostSettings;
import java.util.List;

/**
 * One small change to a host, as data. Every step knows its inverse, so a plan's reverse is the
 * inverses in reverse order; a forward step's inverse is a reverse step and back again.
 */
public sealed interface Step {

  /**
   * Does something for each kind of step. A concern that must handle every kind (describing a step,
   * running it, writing it as a script, asking whether a host has it, writing it to the journal)
   * implements this, so that a new kind of step fails to compile until each of them handles it.
   * {@code X} is the checked exception the concern may throw (RuntimeException for none).
   */
  interface Visitor<R, X extends Exception> {
    R createTap(CreateTap s) throws X;

    R deleteTap(DeleteTap s) throws X;

    R createBridge(CreateBridge s) throws X;

    R deleteBridge(DeleteBridge s) throws X;

    R enslave(Enslave s) throws X;

    R release(Release s) throws X;

    R setUp(SetUp s) throws X;

    R setDown(SetDown s) throws X;

    R addAddress(AddAddress s) throws X;

    R removeAddress(RemoveAddress s) throws X;

    R addRoute(AddRoute s) throws X;

    R removeRoute(RemoveRoute s) throws X;

    R setSysctl(SetSysctl s) throws X;

    R loadNat(LoadNat s) throws X;

    R deleteNat(DeleteNat s) throws X;

    R clearUplinkAddresses(ClearUplinkAddresses s) throws X;

    R restoreUplinkAddresses(RestoreUplinkAddresses s) throws X;

    R startVdeSwitch(StartVdeSwitch s) throws X;

    R stopVdeSwitch(StopVdeSwitch s) throws X;

    R startGuest(StartGuest s) throws X;

    R stopGuest(StopGuest s) throws X;
  }

  /** Hands this step to the visitor method of its kind. */
  <R, X extends Exception> R accept(Visitor<R, X> v) throws X;

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
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.createTap(this);
    }

    public Step inverse() {
      return new DeleteTap(name, owner);
    }
  }

  record DeleteTap(String name, String owner) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.deleteTap(this);
    }

    public Step inverse() {
      return new CreateTap(name, owner);
    }
  }

  /** {@code ip link add NAME type bridge}; the classic {@code brctl addbr br0}. */
  record CreateBridge(String name, boolean stp) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.createBridge(this);
    }

    public Step inverse() {
      return new DeleteBridge(name, stp);
    }
  }

  record DeleteBridge(String name, boolean stp) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.deleteBridge(this);
    }

    public Step inverse() {
      return new CreateBridge(name, stp);
    }
  }

  /** {@code ip link set DEVICE master BRIDGE}; the classic {@code brctl addif br0 tap0}. */
  record Enslave(String device, String bridge) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.enslave(this);
    }

    public Step inverse() {
      return new Release(device, bridge);
    }
  }

  record Release(String device, String bridge) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.release(this);
    }

    public Step inverse() {
      return new Enslave(device, bridge);
    }
  }

  record SetUp(String device) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.setUp(this);
    }

    public Step inverse() {
      return new SetDown(device);
    }
  }

  record SetDown(String device) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.setDown(this);
    }

    public Step inverse() {
      return new SetUp(device);
    }
  }

  /** An address on a host interface, CIDR form (192.168.0.1/24). */
  record AddAddress(String device, String cidr) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.addAddress(this);
    }

    public Step inverse() {
      return new RemoveAddress(device, cidr);
    }
  }

  record RemoveAddress(String device, String cidr) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.removeAddress(this);
    }

    public Step inverse() {
      return new AddAddress(device, cidr);
    }
  }

  /**
   * A host route: destination in CIDR form or {@code default}, through a gateway and/or a device.
   * Proxy ARP over Wi-Fi's {@code route add -host 192.168.1.10 tap1} is {@code AddRoute("192.168.1.10/32", null, "tap1")}.
   */
  record AddRoute(String destination, String via, String device) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.addRoute(this);
    }

    public Step inverse() {
      return new RemoveRoute(destination, via, device);
    }
  }

  record RemoveRoute(String destination, String via, String device) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.removeRoute(this);
    }

    public Step inverse() {
      return new AddRoute(destination, via, device);
    }
  }

  /**
   * A kernel setting. {@code from} is the value before the step, or null when the plan was made
   * without reading the host (the script then saves the value it finds and restores that one).
   */
  record SetSysctl(String key, String from, String to) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.setSysctl(this);
    }

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
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.loadNat(this);
    }

    public LoadNat {
      rules = List.copyOf(rules);
    }

    public Step inverse() {
      return new DeleteNat(table, rules);
    }
  }

  record DeleteNat(String table, List<HostSettings.Nat> rules) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.deleteNat(this);
    }

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
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.clearUplinkAddresses(this);
    }

    public Step inverse() {
      return new RestoreUplinkAddresses(uplink);
    }

    @Override
    public boolean needsHostState() {
      return true;
    }
  }

  record RestoreUplinkAddresses(String uplink) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.restoreUplinkAddresses(this);
    }

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
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.startVdeSwitch(this);
    }

    public Step inverse() {
      return new StopVdeSwitch(name, socketPath, hubMode, tap);
    }
  }

  record StopVdeSwitch(String name, String socketPath, boolean hubMode, String tap) implements Step {
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.stopVdeSwitch(this);
    }

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
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.startGuest(this);
    }

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
    public <R, X extends Exception> R accept(Visitor<R, X> v) throws X {
      return v.stopGuest(this);
    }

    public StopGuest {
      arguments = List.copyOf(arguments);
      listens = listens == null ? List.of() : List.copyOf(listens);
    }

    public Step inverse() {
      return new StartGuest(guest, arguments, listens);
    }
  }
}

package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.backends.netlink.BatchResult;
import dev.patchbay.backends.netlink.InterfaceAddress;
import dev.patchbay.backends.netlink.IpRequests;
import dev.patchbay.backends.netlink.Link;
import dev.patchbay.backends.netlink.NetlinkException;
import dev.patchbay.backends.netlink.NewLink;
import dev.patchbay.backends.netlink.Route;
import dev.patchbay.backends.netlink.SetLink;
import dev.patchbay.backends.tun.Tap;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.plan.LiveState;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Carries out one step in a target through netlink, /dev/net/tun, /proc/sys and nft. Every link it
 * creates carries the lab's marker (alias "patchbay:LAB" and the lab's link group); it deletes only
 * links that carry it. Steps that need the host's values read them first and put them in
 * {@code saved}, which the journal stores before the change.
 */
final class StepRunner {
  private static final int RTPROT_KERNEL = 2;
  private static final int RTPROT_STATIC = 4;
  private final Target target;
  private final Marker marker;
  private final GuestStarter guests;

  StepRunner(Target target, Marker marker, GuestStarter guests) {
    this.target = target;
    this.marker = marker;
    this.guests = guests;
  }

  /** Reads what the step's inverse will need, before the step runs. */
  void save(Step step, ObjectNode saved) throws IOException {
    if (step instanceof Step.ClearUplinkAddresses s) {
      ArrayNode addresses = saved.putArray("addresses");
      ArrayNode routes = saved.putArray("routes");
      int index = target.rt().index(s.uplink());
      for (InterfaceAddress a : target.rt().addresses()) {
        if (a.index() == index) {
          addresses.add(a.cidr().toString());
        }
      }
      for (Route r : target.rt().routes()) {
        if (r.oif() == index && r.protocol() != RTPROT_KERNEL) {
          routes.addObject().put("destination", r.destination().toString())
              .put("via", r.gateway().map(Object::toString).orElse(null)).put("protocol", r.protocol());
        }
      }
    }
  }

  /** Runs the step; {@code saved} holds what {@link #save} found for it (or for the step it undoes). */
  String run(Step step, JsonNode saved) throws IOException {
    return step.accept(new Runner(saved));
  }

  /** Runs an inverse step; a NAT table that is gone already is not an error. */
  String runInverse(Step inverse, JsonNode saved) throws IOException {
    if (inverse instanceof Step.DeleteNat s && !LiveStateReader.nftTables(target).contains("ip " + s.table())) {
      return "already gone";
    }
    if (inverse instanceof Step.DeleteTap s && target.rt().link(s.name()).isEmpty()) {
      return "already gone";
    }
    if (inverse instanceof Step.DeleteBridge s && target.rt().link(s.name()).isEmpty()) {
      return "already gone";
    }
    return run(inverse, saved);
  }

  /** Carries out each kind of step: "done", or what happened instead, in words. */
  private final class Runner implements Step.Visitor<String, IOException> {
    private static final String DONE = "done";
    private final JsonNode saved;

    Runner(JsonNode saved) {
      this.saved = saved;
    }

    public String createTap(Step.CreateTap s) throws IOException {
      StepRunner.this.createTap(s);
      return DONE;
    }

    public String deleteTap(Step.DeleteTap s) throws IOException {
      deleteMarked(s.name());
      return DONE;
    }

    public String createBridge(Step.CreateBridge s) throws IOException {
      target.rt().create(NewLink.bridge(s.name()).stp(s.stp()).alias(marker.alias()).group(marker.group()));
      return DONE;
    }

    public String deleteBridge(Step.DeleteBridge s) throws IOException {
      deleteMarked(s.name());
      return DONE;
    }

    public String enslave(Step.Enslave s) throws IOException {
      target.rt().setMaster(s.device(), s.bridge());
      return DONE;
    }

    public String release(Step.Release s) throws IOException {
      target.rt().setNoMaster(s.device());
      return DONE;
    }

    public String setUp(Step.SetUp s) throws IOException {
      target.rt().setUp(s.device(), true);
      return DONE;
    }

    public String setDown(Step.SetDown s) throws IOException {
      target.rt().setUp(s.device(), false);
      return DONE;
    }

    public String addAddress(Step.AddAddress s) throws IOException {
      target.rt().addAddress(s.device(), Cidr.of(s.cidr()));
      return DONE;
    }

    public String removeAddress(Step.RemoveAddress s) throws IOException {
      target.rt().deleteAddress(s.device(), Cidr.of(s.cidr()));
      return DONE;
    }

    public String addRoute(Step.AddRoute s) throws IOException {
      target.rt().addRoute(destination(s.destination()), gateway(s.via()), s.device());
      return DONE;
    }

    public String removeRoute(Step.RemoveRoute s) throws IOException {
      target.rt().deleteRoute(destination(s.destination()), gateway(s.via()), s.device());
      return DONE;
    }

    public String setSysctl(Step.SetSysctl s) throws IOException {
      if (s.to() == null) {
        return "left alone: its previous value was not known";
      }
      target.writeSysctl(Planner.procSysPath(s.key()), s.to());
      return DONE;
    }

    public String loadNat(Step.LoadNat s) throws IOException {
      target.nft(List.of("-f", "-"), NatRuleset.text(s.table(), s.rules()));
      return DONE;
    }

    public String deleteNat(Step.DeleteNat s) throws IOException {
      target.nft(List.of("delete", "table", "ip", NatRuleset.checkedTable(s.table())), null);
      return DONE;
    }

    public String clearUplinkAddresses(Step.ClearUplinkAddresses s) throws IOException {
      // Last first: the kernel lists a subnet's secondary addresses after its primary, and deleting
      // the primary first would take the secondaries along (the next delete: EADDRNOTAVAIL).
      List<JsonNode> addresses = new ArrayList<>();
      saved.path("addresses").forEach(addresses::add);
      for (int i = addresses.size() - 1; i >= 0; i--) {
        target.rt().deleteAddress(s.uplink(), Cidr.of(addresses.get(i).asText()));
      }
      return DONE;
    }

    public String restoreUplinkAddresses(Step.RestoreUplinkAddresses s) throws IOException {
      restore(s.uplink(), saved);
      return DONE;
    }

    public String startVdeSwitch(Step.StartVdeSwitch s) throws IOException {
      return guests.start(s);
    }

    public String stopVdeSwitch(Step.StopVdeSwitch s) throws IOException {
      return guests.stop(s);
    }

    public String startGuest(Step.StartGuest s) throws IOException {
      return guests.start(s);
    }

    public String stopGuest(Step.StopGuest s) throws IOException {
      return guests.stop(s);
    }
  }

  /**
   * A tap cannot be born with an alias or group (it is not made by RTM_NEWLINK), so it is marked
   * while the file that made it still holds it, and only then made persistent: a tap whose mark is
   * refused goes with its file, so a failed create leaves nothing to undo. TUNSETIFF with
   * IFF_TUN_EXCL fails on a name that is taken, so the mark (by name, while our file holds the
   * name) can only land on the tap this step made.
   */
  private void createTap(Step.CreateTap s) throws IOException {
    Tap tap = target.call(() -> openUnmarked(s));
    try {
      target.rt().change(mark(tap.name()));
      tap.persist(true);
    } finally {
      tap.close();
    }
  }

  /**
   * What a run of tap creations did: the first {@code made} taps exist, still held by their files
   * ({@code open}) and not persistent; {@code failure} stopped the next one.
   */
  record TapsMade(int made, Exception failure, List<Tap> open) {}

  /**
   * Creates the taps in order in one call on the target's thread (one hand-over for the run instead
   * of one per tap), stopping at the first that fails; a failed tap leaves nothing (its file closes
   * before it is persistent). They are not marked yet: {@link #markTaps} does that.
   */
  TapsMade createTaps(List<Step.CreateTap> taps) throws IOException {
    return target.call(() -> {
      List<Tap> open = new ArrayList<>();
      for (int k = 0; k < taps.size(); k++) {
        try {
          open.add(openUnmarked(taps.get(k)));
        } catch (IOException | RuntimeException e) {
          return new TapsMade(k, e, open);
        }
      }
      return new TapsMade(taps.size(), null, open);
    });
  }

  /**
   * Marks a run's taps with the lab's alias and group (one netlink batch), makes the marked ones
   * persistent and closes every file: a tap whose mark or persistence failed is gone with its file,
   * and the result names its failure.
   */
  BatchResult markTaps(TapsMade made) throws NetlinkException {
    try {
      BatchResult marks = target.rt().execute(made.open().stream().map(t -> mark(t.name()).request()).toList());
      TreeMap<Integer, NetlinkException> failures = new TreeMap<>(marks.failures());
      for (int k = 0; k < made.open().size(); k++) {
        if (marks.succeeded(k)) {
          try {
            made.open().get(k).persist(true);
          } catch (NetlinkException e) {
            failures.put(k, e);
          }
        }
      }
      return new BatchResult(made.open().size(), failures);
    } finally {
      made.open().forEach(Tap::close);
    }
  }

  private SetLink mark(String tap) {
    return SetLink.named(tap).alias(marker.alias()).group(marker.group());
  }

  /** A tap with its owner, made in the calling thread's namespace, held open and not yet persistent. */
  private static Tap openUnmarked(Step.CreateTap s) throws IOException {
    Integer uid = s.owner() == null ? null : Users.uid(s.owner());
    Tap tap = Tap.create(s.name());
    try {
      if (uid != null) {
        tap.owner(uid);
      }
      return tap;
    } catch (IOException | RuntimeException e) {
      tap.close();
      throw e;
    }
  }

  /** Deletes a link only when it carries this lab's marker: Patchbay never deletes what it did not make. */
  private void deleteMarked(String name) throws IOException {
    Link link = target.rt().link(name).orElseThrow(() ->
        new NetlinkException("delete link '" + name + "'", dev.patchbay.backends.netlink.Errno.ENODEV, null));
    if (!marker.alias().equals(link.alias().orElse(""))) {
      throw new IOException("refusing to delete '" + name + "': it does not carry " + marker.alias()
          + " (its alias is '" + link.alias().orElse("") + "'), so Patchbay did not make it for this lab");
    }
    target.rt().delete(name);
  }

  private void restore(String uplink, JsonNode saved) throws IOException {
    for (JsonNode a : saved.path("addresses")) {
      if (!has(uplink, a.asText())) {
        target.rt().addAddress(uplink, Cidr.of(a.asText()));
      }
    }
    for (JsonNode r : saved.path("routes")) {
      String via = r.path("via").isNull() || r.path("via").isMissingNode() ? null : r.path("via").asText();
      try {
        target.rt().execute(IpRequests.addRoute(Cidr.of(r.path("destination").asText()), gateway(via),
            target.rt().index(uplink), r.path("protocol").asInt(RTPROT_STATIC)));
      } catch (NetlinkException e) {
        if (e.errno() != dev.patchbay.backends.netlink.Errno.EEXIST) {
          throw e;
        }
      }
    }
  }

  private boolean has(String device, String cidr) throws IOException {
    int index = target.rt().index(device);
    Cidr wanted = Cidr.of(cidr);
    return target.rt().addresses().stream().anyMatch(a -> a.index() == index && a.cidr().equals(wanted));
  }

  static Cidr destination(String destination) {
    return Cidr.of(LiveState.normalDestination(destination));
  }

  static Ipv4 gateway(String via) {
    return via == null ? null : Ipv4.of(via);
  }
}

package dev.patchbay.app.designer.find;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What Find can match in an element besides its name: the addresses it holds (without a prefix
 * length) and its NICs' MACs. A visitor, so a new kind of element is not forgotten.
 */
final class ElementText implements Element.Visitor<ElementText.Words> {
  /** An element's addresses and MACs, as written in the design. */
  record Words(List<String> addresses, List<String> macs) {
    static final Words NONE = new Words(List.of(), List.of());
  }

  static Words of(Element e) {
    return e.accept(new ElementText());
  }

  private static Words addresses(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        int slash = v.indexOf('/');
        out.add(slash < 0 ? v : v.substring(0, slash));
      }
    }
    return new Words(out, List.of());
  }

  @Override
  public Words guest(Guest e) {
    List<String> addresses = new ArrayList<>();
    for (Nic n : e.nics()) {
      addresses.addAll(addresses(n.ip().address()).addresses());
    }
    return new Words(addresses, e.nics().stream().map(Nic::mac).filter(Objects::nonNull).toList());
  }

  @Override
  public Words hub(Hub e) {
    return Words.NONE;
  }

  @Override
  public Words tap(Tap e) {
    return addresses(e.address());
  }

  @Override
  public Words bridge(Bridge e) {
    return addresses(e.address());
  }

  @Override
  public Words uplink(Uplink e) {
    return addresses(e.address());
  }

  @Override
  public Words socket(Socket e) {
    return addresses(e.host());
  }

  @Override
  public Words vdeSwitch(VdeSwitch e) {
    return Words.NONE;
  }

  @Override
  public Words userNet(UserNet e) {
    return addresses(e.net(), e.host());
  }

  @Override
  public Words lan(Lan e) {
    return addresses(e.subnet(), e.gateway());
  }

  @Override
  public Words internet(Internet e) {
    return Words.NONE;
  }
}

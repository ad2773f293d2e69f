package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An emulated network card inside a guest.
 *
 * @param name the port's name within its guest (nic0, nic1, ...)
 * @param model the card QEMU emulates
 * @param mac the card's MAC address, as text so that a malformed one loads and is reported
 * @param ip how the guest OS addresses this card (not QEMU's business, but the validator's)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Nic(String name, NicModel model, String mac, IpConfig ip) {

  public Nic {
    model = model == null ? NicModel.E1000 : model;
    ip = ip == null ? IpConfig.none() : ip;
  }

  public Nic withMac(String newMac) {
    return new Nic(name, model, newMac, ip);
  }

  public Nic withIp(IpConfig newIp) {
    return new Nic(name, model, mac, newIp);
  }

  public Nic withModel(NicModel newModel) {
    return new Nic(name, newModel, mac, ip);
  }
}

package dev.patchbay.model.importer.libvirt;

import dev.patchbay.model.importer.Skipped;

/**
 * What a domain's {@code <interface type='network'>} joins: the network's bridge (a tap of its own
 * per NIC), whether the network hands out addresses by DHCP, or the reason the network was skipped
 * (then its interfaces are skipped too).
 */
record LibvirtNetwork(String name, String bridgeId, boolean dhcp, Skipped skipped) {
  static LibvirtNetwork on(String name, String bridgeId, boolean dhcp) {
    return new LibvirtNetwork(name, bridgeId, dhcp, null);
  }

  static LibvirtNetwork skipped(String name, Skipped why) {
    return new LibvirtNetwork(name, null, false, why);
  }
}

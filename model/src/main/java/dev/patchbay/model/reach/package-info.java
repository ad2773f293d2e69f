/**
 * Layer 2 and layer 3 of a design, and who can reach whom.
 *
 * <p>{@link dev.patchbay.model.reach.Segments} finds the Ethernet segments (through hubs, bridges,
 * taps, sockets, multicast buses and VDE switches); {@link dev.patchbay.model.reach.Layer3} puts the
 * addresses, the host's routing table and the LAN on top; {@link dev.patchbay.model.reach.Reachability}
 * walks packets through both, there and back, the way Linux and QEMU do:
 *
 * <ul>
 *   <li>On a segment a frame goes to whoever answers ARP for the next hop: a NIC with that address, the
 *       host for any of its own addresses (Linux answers on every interface), slirp for 10.0.2.2/.3, a
 *       machine or the gateway of the LAN, or the host by proxy ARP when proxy_arp is on for the
 *       interface and the host routes the address out of another one (proxy ARP over Wi-Fi).
 *   <li>The host has a default route only with an address on the LAN whose subnet holds the
 *       gateway (Linux refuses any other: "Nexthop has invalid gateway"), so with no address there
 *       it reaches nothing beyond its own subnets, whatever the wiring.
 *   <li>Someone in the design answering ARP for the LAN router's address (a guest given it, or the
 *       host's proxy ARP for such a guest) makes the router's frames go to whoever answered last:
 *       every walk through the router, or to that address, is a no; and the router keeps packets
 *       for its own address, so they never reach the guest.
 *   <li>The host forwards between interfaces only with ip_forward; masquerade rewrites the source of
 *       new connections leaving through the interface it names, and connection tracking carries the
 *       replies back. A subnet hidden by NAT cannot be addressed from the LAN (the NAT-routing scenario).
 *   <li>The LAN's gateway knows its own subnet and its routes (the routed-tun scenario's route back); it sends any
 *       other public address to the Internet. A private subnet it has no route for is a condition on
 *       the gateway ("only-with"), unless the host hides it behind NAT.
 *   <li>Internet to guest: a private (RFC 1918) address is never routed on the Internet, so even a
 *       routed design whose gateway knows the subnet (the routed-tun scenario) needs a port forward on that gateway:
 *       "only-with". A public subnet routed by the gateway is a plain yes.
 *   <li>User net: outbound TCP/UDP through slirp's NAT (ping unreliable, the user-net scenario); inbound only to its
 *       host forwards, from the host always, from elsewhere only for forwards not bound to loopback, and
 *       each only to the NIC at its guest address (user net's first DHCP address when it names none).
 *   <li>A wireless uplink in a bridge carries no guest frames: the access point drops MACs it has not
 *       associated (proxy ARP over Wi-Fi).
 * </ul>
 *
 * <p>A path lists the nodes crossed: element ids, {@code guest:nic} for NICs, and the words
 * {@code host} (the host's own stack or its routing), {@code NAT} (masquerade), {@code internet}.
 */
package dev.patchbay.model.reach;

package dev.patchbay.backends.netlink;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;

/** RTM_NEWADDR/DELADDR and RTM_NEWROUTE/DELROUTE requests for IPv4. */
public final class IpRequests {
  private static final int RT_SCOPE_NOWHERE = 255;

  private IpRequests() {}

  /** Adds {@code cidr} (e.g. 10.0.0.1/24) to the interface with ifindex {@code index}; EEXIST if present. */
  public static NlRequest addAddress(int index, Cidr cidr) {
    return address(Nl.RTM_NEWADDR, Nl.F_CREATE | Nl.F_EXCL, "add address " + cidr, index, cidr);
  }

  public static NlRequest deleteAddress(int index, Cidr cidr) {
    return address(Nl.RTM_DELADDR, 0, "delete address " + cidr, index, cidr);
  }

  private static NlRequest address(int type, int flags, String what, int index, Cidr cidr) {
    byte[] bytes = cidr.address().toBytes();
    return NlRequest.change(type, flags, what + " on ifindex " + index)
        .ifaddrmsg(Nl.AF_INET, cidr.prefix(), 0, Nl.RT_SCOPE_UNIVERSE, index)
        .attr(Nl.IFA_LOCAL, bytes)
        .attr(Nl.IFA_ADDRESS, bytes);
  }

  /**
   * Adds a route to {@code destination} in the main table, via {@code gateway} (null for a device
   * route, which then gets scope link) out of ifindex {@code oif} (0 to let the kernel pick it from
   * the gateway). Patchbay's routes carry protocol "static".
   */
  public static NlRequest addRoute(Cidr destination, Ipv4 gateway, int oif) {
    return addRoute(destination, gateway, oif, Nl.RTPROT_STATIC);
  }

  /** As {@link #addRoute(Cidr, Ipv4, int)} with the route's protocol given: restoring a route keeps its origin. */
  public static NlRequest addRoute(Cidr destination, Ipv4 gateway, int oif, int protocol) {
    if (gateway == null && oif <= 0) {
      throw new IllegalArgumentException("a route to " + destination + " needs a gateway or an interface");
    }
    int scope = gateway == null ? Nl.RT_SCOPE_LINK : Nl.RT_SCOPE_UNIVERSE;
    return route(Nl.RTM_NEWROUTE, Nl.F_CREATE | Nl.F_EXCL, "add route", destination, gateway, oif,
        protocol, scope);
  }

  /** Deletes the main-table route to {@code destination}; gateway and oif narrow the match when given. */
  public static NlRequest deleteRoute(Cidr destination, Ipv4 gateway, int oif) {
    return route(Nl.RTM_DELROUTE, 0, "delete route", destination, gateway, oif, 0, RT_SCOPE_NOWHERE);
  }

  private static NlRequest route(int type, int flags, String what, Cidr destination, Ipv4 gateway, int oif,
      int protocol, int scope) {
    Cidr network = destination.network();
    String description = what + " " + network + (gateway == null ? "" : " via " + gateway)
        + (oif > 0 ? " dev ifindex " + oif : "");
    NlRequest r = NlRequest.change(type, flags, description)
        .rtmsg(Nl.AF_INET, network.prefix(), Nl.RT_TABLE_MAIN, protocol, scope, Nl.RTN_UNICAST);
    if (network.prefix() > 0) {
      r.attr(Nl.RTA_DST, network.address().toBytes());
    }
    if (gateway != null) {
      r.attr(Nl.RTA_GATEWAY, gateway.toBytes());
    }
    if (oif > 0) {
      r.attrU32(Nl.RTA_OIF, oif);
    }
    return r;
  }
}

package dev.patchbay.backends.netlink;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * rtnetlink for one network namespace: reads the live state (links, addresses, routes, counters)
 * and changes it, one request or a batch at a time. Calls are serialized; the object may be shared.
 */
public final class RtNetlink implements AutoCloseable {
  private final NetlinkSocket socket;

  private RtNetlink(NetlinkSocket socket) {
    this.socket = socket;
  }

  /** rtnetlink of the calling thread's namespace. */
  public static RtNetlink open() throws NetlinkException {
    return new RtNetlink(NetlinkSocket.open());
  }

  /** rtnetlink of a named namespace: the socket is created on a thread inside it, then used from anywhere. */
  public static RtNetlink openIn(String namespace) throws IOException {
    try (NamespaceThread thread = NamespaceThread.enter(namespace)) {
      return openIn(thread);
    }
  }

  public static RtNetlink openIn(NamespaceThread thread) throws IOException {
    return thread.call(RtNetlink::open);
  }

  // ---- reading ----

  public synchronized List<Link> links() throws NetlinkException {
    NlRequest r = NlRequest.dump(Nl.RTM_GETLINK, "list links").ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0);
    return socket.dump(r, RtParsers::link);
  }

  /** One link by name, asked of the kernel directly (no dump). */
  public synchronized Optional<Link> link(String name) throws NetlinkException {
    NlRequest r = NlRequest.get(Nl.RTM_GETLINK, "look up link '" + name + "'")
        .ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0)
        .attrString(Nl.IFLA_IFNAME, Names.checked(name, "interface"));
    try {
      return Optional.ofNullable(socket.get(r, RtParsers::link));
    } catch (NetlinkException e) {
      if (e.errno() == Errno.ENODEV) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The ifindex of {@code name}; fails with ENODEV naming the link if there is none. */
  public int index(String name) throws NetlinkException {
    return link(name).orElseThrow(() -> new NetlinkException("look up link '" + name + "'", Errno.ENODEV, null))
        .index();
  }

  /** Every link's ifindex by name, from one dump. */
  public Map<String, Integer> indexes() throws NetlinkException {
    Map<String, Integer> byName = new HashMap<>();
    for (Link l : links()) {
      byName.put(l.name(), l.index());
    }
    return byName;
  }

  public synchronized List<InterfaceAddress> addresses() throws NetlinkException {
    NlRequest r = NlRequest.dump(Nl.RTM_GETADDR, "list addresses").ifaddrmsg(Nl.AF_INET, 0, 0, 0, 0);
    return socket.dump(r, RtParsers::address);
  }

  /** IPv4 routes of the main table. */
  public synchronized List<Route> routes() throws NetlinkException {
    NlRequest r = NlRequest.dump(Nl.RTM_GETROUTE, "list routes")
        .rtmsg(Nl.AF_INET, 0, Nl.RT_TABLE_MAIN, 0, 0, 0);
    return socket.dump(r, RtParsers::route);
  }

  /** 64-bit counters of every interface by ifindex, from ONE RTM_GETSTATS dump. */
  public synchronized Map<Integer, LinkCounters> counters() throws NetlinkException {
    NlRequest r = NlRequest.dump(Nl.RTM_GETSTATS, "read interface counters")
        .statsmsg(Nl.AF_UNSPEC, 0, 1 << (Nl.IFLA_STATS_LINK_64 - 1));
    Map<Integer, LinkCounters> out = new HashMap<>();
    for (RtParsers.IndexedCounters c : socket.dump(r, RtParsers::stats)) {
      out.put(c.index(), c.counters());
    }
    return out;
  }

  // ---- changing ----

  public synchronized void execute(NlRequest request) throws NetlinkException {
    socket.execute(request);
  }

  /** Sends the requests in batches; see {@link BatchResult} for which ones took effect. */
  public synchronized BatchResult execute(List<NlRequest> requests) throws NetlinkException {
    return socket.execute(requests);
  }

  /**
   * Creates the link, then sets what creation cannot (alias, a veth peer's state) on that link alone,
   * by the ifindex the kernel reported: a create refused because the name is taken changes nothing.
   */
  public CreatedLink create(NewLink link) throws NetlinkException {
    BatchResult result = create(List.of(link));
    result.throwIfFailed();
    return result.created(0).orElseThrow();
  }

  /** Creates many links as {@link #create(NewLink)} does, in few round trips; the result is per link. */
  public BatchResult create(List<NewLink> links) throws NetlinkException {
    return LinkCreator.create(this, links);
  }

  public void change(SetLink change) throws NetlinkException {
    execute(change.request());
  }

  public void setMaster(String name, String bridge) throws NetlinkException {
    execute(SetLink.named(name).master(index(bridge)).request());
  }

  public void setNoMaster(String name) throws NetlinkException {
    execute(SetLink.named(name).noMaster().request());
  }

  public void setUp(String name, boolean up) throws NetlinkException {
    execute(SetLink.named(name).up(up).request());
  }

  public void rename(String name, String newName) throws NetlinkException {
    execute(SetLink.index(index(name)).rename(newName).request());
  }

  public void delete(String name) throws NetlinkException {
    execute(DeleteLink.named(name));
  }

  /** Deletes every link of {@code group} in one request. */
  public void deleteGroup(int group) throws NetlinkException {
    execute(DeleteLink.group(group));
  }

  public void addAddress(String name, Cidr cidr) throws NetlinkException {
    execute(IpRequests.addAddress(index(name), cidr));
  }

  public void deleteAddress(String name, Cidr cidr) throws NetlinkException {
    execute(IpRequests.deleteAddress(index(name), cidr));
  }

  /** Adds a route via {@code gateway} (may be null) out of {@code device} (may be null). */
  public void addRoute(Cidr destination, Ipv4 gateway, String device) throws NetlinkException {
    execute(IpRequests.addRoute(destination, gateway, device == null ? 0 : index(device)));
  }

  public void deleteRoute(Cidr destination, Ipv4 gateway, String device) throws NetlinkException {
    execute(IpRequests.deleteRoute(destination, gateway, device == null ? 0 : index(device)));
  }

  @Override
  public synchronized void close() {
    socket.close();
  }
}

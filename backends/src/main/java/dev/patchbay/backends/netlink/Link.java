package dev.patchbay.backends.netlink;

import dev.patchbay.model.net.Mac;
import java.util.Optional;

/**
 * A network interface as RTM_GETLINK reports it.
 *
 * @param kind IFLA_INFO_KIND ("bridge", "veth", "dummy", "tun"), empty for devices without one (lo)
 * @param master ifindex of the bridge this link is a port of, 0 if none
 * @param alias IFLA_IFALIAS, where Patchbay writes the name of the lab that owns the link
 * @param group IFLA_GROUP; Patchbay puts a lab's links in one group to delete them in one request
 */
public record Link(int index, String name, String kind, int master, boolean up, int mtu,
    Optional<Mac> mac, Optional<String> alias, int group, Optional<LinkCounters> counters) {}

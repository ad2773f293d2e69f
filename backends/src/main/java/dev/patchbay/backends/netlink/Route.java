package dev.patchbay.backends.netlink;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import java.util.Optional;

/**
 * An IPv4 route of the main table.
 *
 * @param oif ifindex of the outgoing interface, 0 if the route names none
 * @param scope RT_SCOPE_* (0 universe, 253 link, 254 host)
 * @param protocol RTPROT_* (2 kernel, 3 boot, 4 static)
 */
public record Route(Cidr destination, Optional<Ipv4> gateway, int oif, int scope, int protocol) {}

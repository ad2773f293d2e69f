package dev.patchbay.backends.netlink;

import dev.patchbay.model.net.Cidr;

/** An IPv4 address on an interface, e.g. 10.0.0.1/24 on ifindex 3. */
public record InterfaceAddress(int index, Cidr cidr) {}

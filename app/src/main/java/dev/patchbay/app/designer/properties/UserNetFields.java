package dev.patchbay.app.designer.properties;

import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.UserNet;
import java.util.List;

/** User net (slirp) values, with its host forwards as a rules list. */
final class UserNetFields {
  private UserNetFields() {}

  @SuppressWarnings("unchecked")
  static List<PropertyField> of() {
    return List.of(
        FieldCatalog.typed(UserNet.class, "Network", EditorKind.CIDR, UserNet::net,
            (u, v) -> new UserNet(u.id(), u.name(), v, u.host(), u.dns(), u.dhcpStart(), u.hostfwd())),
        FieldCatalog.typed(UserNet.class, "Host address", EditorKind.ADDRESS_OPTIONAL, UserNet::host,
            (u, v) -> new UserNet(u.id(), u.name(), u.net(), v, u.dns(), u.dhcpStart(), u.hostfwd())),
        FieldCatalog.typed(UserNet.class, "DNS", EditorKind.ADDRESS_OPTIONAL, UserNet::dns,
            (u, v) -> new UserNet(u.id(), u.name(), u.net(), u.host(), v, u.dhcpStart(), u.hostfwd())),
        FieldCatalog.typed(UserNet.class, "DHCP start", EditorKind.ADDRESS_OPTIONAL, UserNet::dhcpStart,
            (u, v) -> new UserNet(u.id(), u.name(), u.net(), u.host(), u.dns(), v, u.hostfwd())),
        new PropertyField("Host forwards", "hostfwd", EditorKind.HOSTFWD, List.of(),
            el -> ((UserNet) el).hostfwd(), (el, v) -> ((UserNet) el).withHostfwd((List<HostForward>) v)));
  }
}

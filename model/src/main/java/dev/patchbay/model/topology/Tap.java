package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tap device in the host's kernel: QEMU (or a VDE switch) holds its file descriptor on one side,
 * the host's network stack sees an Ethernet interface on the other.
 *
 * @param address optional host address on the tap, CIDR (e.g. 172.20.0.1/16 in the routed-tun scenario)
 * @param owner optional user allowed to open the tap (tunctl -u)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tap(String id, String name, String address, String owner) implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.tap(this);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.TAP;
  }

  @Override
  public Tap withIdentity(String newId, String newName) {
    return new Tap(newId, newName, address, owner);
  }

  public Tap withAddress(String newAddress) {
    return new Tap(id, name, newAddress, owner);
  }
}

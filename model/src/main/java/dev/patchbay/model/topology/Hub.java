package dev.patchbay.model.topology;

/**
 * A QEMU hub, QEMU's old "vlan": a switch inside one QEMU process that floods every frame to every
 * port. NICs, taps, sockets, VDE and user net join it.
 *
 * @param hubId QEMU's hub number ({@code hubid=}, the old {@code vlan=})
 */
public record Hub(String id, String name, int hubId) implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.hub(this);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.HUB;
  }

  @Override
  public Hub withIdentity(String newId, String newName) {
    return new Hub(newId, newName, hubId);
  }
}

package dev.patchbay.model.topology;

/**
 * A VDE switch: a user-space switch that QEMU processes join through a control socket; a tap linked
 * to it is the switch's own tap ({@code vde_switch -tap}).
 *
 * @param socketPath the control socket directory ({@code -sock})
 * @param hubMode true for {@code vde_switch -hub} (floods every frame, as in seed 004)
 */
public record VdeSwitch(String id, String name, String socketPath, boolean hubMode) implements Element {
  @Override
  public ElementKind kind() {
    return ElementKind.VDE;
  }

  @Override
  public VdeSwitch withIdentity(String newId, String newName) {
    return new VdeSwitch(newId, newName, socketPath.replace(name, newName), hubMode);
  }
}

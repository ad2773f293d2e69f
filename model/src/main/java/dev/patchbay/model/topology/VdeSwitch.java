package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A VDE switch: a user-space switch that QEMU processes join through a control socket; a tap linked
 * to it is the switch's own tap ({@code vde_switch -tap}).
 *
 * @param socketPath the control socket directory ({@code -sock}); none (the default) puts it in the
 *     lab's private runtime folder, {@link #socketPathFor}
 * @param hubMode true for {@code vde_switch -hub} (floods every frame, as in the VDE-switch scenario)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VdeSwitch(String id, String name, String socketPath, boolean hubMode) implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.vdeSwitch(this);
  }

  /**
   * Where switches without a socket path of their own keep their control folders: one folder per
   * lab under /run, which only root can write; never a name in /tmp that another user could take
   * first (scripts run as root would then follow it).
   */
  public static final String RUNTIME_ROOT = "/run/patchbay";

  @Override
  public ElementKind kind() {
    return ElementKind.VDE;
  }

  @Override
  public VdeSwitch withIdentity(String newId, String newName) {
    String path = socketPath == null || socketPath.isEmpty() ? socketPath : socketPath.replace(name, newName);
    return new VdeSwitch(newId, newName, path, hubMode);
  }

  public boolean hasOwnSocketPath() {
    return socketPath != null && !socketPath.isEmpty();
  }

  /** The control folder: the file's, or the switch's folder in the lab's runtime folder (lab null: none named). */
  public String socketPathFor(String lab) {
    if (hasOwnSocketPath()) {
      return socketPath;
    }
    return RUNTIME_ROOT + (lab == null ? "" : "/" + lab) + "/" + name;
  }
}

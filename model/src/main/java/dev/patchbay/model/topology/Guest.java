package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A QEMU virtual machine. Its NICs are its ports: a link names one as {@code guestId:nicName}.
 *
 * @param arch QEMU system target, e.g. x86_64 (qemu-system-x86_64)
 * @param machine QEMU machine type, e.g. pc or q35
 * @param memoryMiB guest RAM
 * @param disk optional disk image path; without one Patchbay boots its probe guest
 * @param display the guest's screen while its lab runs: null or {@code none} headless, {@code vnc}
 *     QEMU's VNC server on a private unix socket in the guest's run folder
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Guest(
    String id, String name, String arch, String machine, int memoryMiB, String disk, List<Nic> nics,
    String display)
    implements Element {
  /** The displays a guest can have; the one place they are listed. */
  public static final List<String> DISPLAYS = List.of("none", "vnc");

  public Guest(String id, String name, String arch, String machine, int memoryMiB, String disk, List<Nic> nics) {
    this(id, name, arch, machine, memoryMiB, disk, nics, null);
  }
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.guest(this);
  }


  public Guest {
    nics = nics == null ? List.of() : List.copyOf(nics);
    display = display == null || display.equals("none") ? null : display;
    if (display != null && !DISPLAYS.contains(display)) {
      throw new IllegalArgumentException("guest " + name + ": display '" + display + "' is not one of "
          + String.join(", ", DISPLAYS));
    }
  }

  /** Whether its lab shows the guest's screen through QEMU's VNC server. */
  public boolean hasVncDisplay() {
    return "vnc".equals(display);
  }

  public Guest withDisplay(String newDisplay) {
    return new Guest(id, name, arch, machine, memoryMiB, disk, nics, newDisplay);
  }

  public Guest withMachine(String newMachine) {
    return new Guest(id, name, arch, newMachine, memoryMiB, disk, nics, display);
  }

  public static Guest of(String id, String name, Nic... nics) {
    return new Guest(id, name, "x86_64", "pc", 128, null, List.of(nics));
  }

  @Override
  public ElementKind kind() {
    return ElementKind.GUEST;
  }

  @Override
  public Guest withIdentity(String newId, String newName) {
    return new Guest(newId, newName, arch, machine, memoryMiB, disk, nics, display);
  }

  public Guest withNics(List<Nic> newNics) {
    return new Guest(id, name, arch, machine, memoryMiB, disk, newNics, display);
  }

  public Guest withNic(Nic nic) {
    return withNics(nics.stream().map(n -> n.name().equals(nic.name()) ? nic : n).toList());
  }

  public Guest withMemory(int mib) {
    return new Guest(id, name, arch, machine, mib, disk, nics, display);
  }

  public Guest withDisk(String newDisk) {
    return new Guest(id, name, arch, machine, memoryMiB, newDisk, nics, display);
  }

  public Optional<Nic> nic(String nicName) {
    return nics.stream().filter(n -> n.name().equals(nicName)).findFirst();
  }
}

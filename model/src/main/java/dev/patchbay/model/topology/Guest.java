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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Guest(
    String id, String name, String arch, String machine, int memoryMiB, String disk, List<Nic> nics)
    implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.guest(this);
  }


  public Guest {
    nics = nics == null ? List.of() : List.copyOf(nics);
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
    return new Guest(newId, newName, arch, machine, memoryMiB, disk, nics);
  }

  public Guest withNics(List<Nic> newNics) {
    return new Guest(id, name, arch, machine, memoryMiB, disk, newNics);
  }

  public Guest withNic(Nic nic) {
    return withNics(nics.stream().map(n -> n.name().equals(nic.name()) ? nic : n).toList());
  }

  public Guest withMemory(int mib) {
    return new Guest(id, name, arch, machine, mib, disk, nics);
  }

  public Guest withDisk(String newDisk) {
    return new Guest(id, name, arch, machine, memoryMiB, newDisk, nics);
  }

  public Optional<Nic> nic(String nicName) {
    return nics.stream().filter(n -> n.name().equals(nicName)).findFirst();
  }
}

package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Linux bridge in the host: taps (and possibly the uplink) enslaved to it share one Ethernet
 * segment; its own address makes the host a member of that segment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Bridge(String id, String name, String address, boolean stp) implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.bridge(this);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.BRIDGE;
  }

  @Override
  public Bridge withIdentity(String newId, String newName) {
    return new Bridge(newId, newName, address, stp);
  }

  public Bridge withAddress(String newAddress) {
    return new Bridge(id, name, newAddress, stp);
  }

  public Bridge withStp(boolean on) {
    return new Bridge(id, name, address, on);
  }
}

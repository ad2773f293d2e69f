package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * The host's own interface to the real LAN (eth0, wlp3s0). Wireless matters: an access point drops
 * frames from MACs it has not associated, so a wireless uplink cannot be bridged (proxy ARP over Wi-Fi).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Uplink(
    String id, String name, Medium medium, String address, String gateway, List<String> dns)
    implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.uplink(this);
  }


  public enum Medium {
    WIRED, WIRELESS;

    @JsonValue
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Medium fromFile(String s) {
      return FileWords.choice(Medium.class, s, "uplink medium");
    }
  }

  public Uplink {
    medium = medium == null ? Medium.WIRED : medium;
    dns = dns == null ? List.of() : List.copyOf(dns);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.UPLINK;
  }

  @Override
  public Uplink withIdentity(String newId, String newName) {
    return new Uplink(newId, newName, medium, address, gateway, dns);
  }

  public Uplink withAddress(String newAddress) {
    return new Uplink(id, name, medium, newAddress, gateway, dns);
  }
}

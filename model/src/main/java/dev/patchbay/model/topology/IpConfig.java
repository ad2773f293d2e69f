package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * How a guest OS configures one card: a static address with gateway and DNS, DHCP, or nothing.
 *
 * @param address CIDR such as 192.168.0.10/24 (static only)
 * @param gateway default gateway (static only; may be absent)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IpConfig(Mode mode, String address, String gateway, List<String> dns) {

  public enum Mode {
    STATIC, DHCP, NONE;

    @JsonValue
    public String fileName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    public static Mode fromFile(String s) {
      return FileWords.choice(Mode.class, s, "address mode");
    }
  }

  public IpConfig {
    mode = mode == null ? Mode.NONE : mode;
    dns = dns == null ? List.of() : List.copyOf(dns);
  }

  public static IpConfig none() {
    return new IpConfig(Mode.NONE, null, null, List.of());
  }

  public static IpConfig dhcp() {
    return new IpConfig(Mode.DHCP, null, null, List.of());
  }

  public static IpConfig fixed(String cidr, String gateway, String... dns) {
    return new IpConfig(Mode.STATIC, cidr, gateway, List.of(dns));
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isStatic() {
    return mode == Mode.STATIC;
  }
}

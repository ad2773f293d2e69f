package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A user-net port forward: the host listens on hostPort and QEMU forwards to guestPort. The user-net scenario's
 * {@code -redir tcp:5022::22} is {@code new HostForward(TCP, null, 5022, null, 22)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostForward(Protocol protocol, String hostAddress, int hostPort, String guestAddress, int guestPort) {

  public enum Protocol {
    TCP, UDP;

    @JsonValue
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Protocol fromFile(String s) {
      return FileWords.choice(Protocol.class, s, "protocol");
    }
  }

  public HostForward {
    protocol = protocol == null ? Protocol.TCP : protocol;
  }

  /** QEMU's hostfwd value: {@code tcp:[hostaddr]:hostport-[guestaddr]:guestport}. */
  public String toQemu() {
    return protocol.fileName() + ":" + nullToEmpty(hostAddress) + ":" + hostPort + "-"
        + nullToEmpty(guestAddress) + ":" + guestPort;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

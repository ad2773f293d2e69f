package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A wire between QEMU processes made of a host socket (the socket and multicast scenarios). Its ports say which side does
 * what: {@code listen} and {@code connect} for {@link Transport#SOCKET} and {@link Transport#STREAM},
 * {@code a} and {@code b} for {@link Transport#DGRAM}; a {@link Transport#MCAST} bus takes any number
 * of members on the element itself.
 *
 * @param host the address: where the listener listens / the connector connects, the multicast group,
 *     or the dgram side a's address
 * @param port the TCP port, the multicast port, or side a's UDP port
 * @param peerPort side b's UDP port (dgram only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Socket(String id, String name, Transport transport, String host, int port, Integer peerPort)
    implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.socket(this);
  }


  /** How QEMU carries the frames. */
  public enum Transport {
    /** {@code -netdev socket,listen=/connect=}: TCP, QEMU's classic form. */
    SOCKET,
    /** {@code -netdev socket,mcast=}: a UDP multicast bus, any number of members. */
    MCAST,
    /** {@code -netdev stream} (QEMU 7.2): TCP with server=on/off. */
    STREAM,
    /** {@code -netdev dgram} (QEMU 7.2): UDP between two fixed endpoints. */
    DGRAM;

    @JsonValue
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Transport fromFile(String s) {
      return FileWords.choice(Transport.class, s, "socket transport");
    }

    public boolean pointToPoint() {
      return this != MCAST;
    }
  }

  public static final String LISTEN = "listen";
  public static final String CONNECT = "connect";
  public static final String SIDE_A = "a";
  public static final String SIDE_B = "b";

  public Socket {
    transport = transport == null ? Transport.SOCKET : transport;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.SOCKET;
  }

  @Override
  public Socket withIdentity(String newId, String newName) {
    return new Socket(newId, newName, transport, host, port, peerPort);
  }

  public Socket withPort(int newPort) {
    return new Socket(id, name, transport, host, newPort, peerPort);
  }

  /** The names of this socket's two ends, or none for a multicast bus. */
  public java.util.List<String> sides() {
    return switch (transport) {
      case SOCKET, STREAM -> java.util.List.of(LISTEN, CONNECT);
      case DGRAM -> java.util.List.of(SIDE_A, SIDE_B);
      case MCAST -> java.util.List.of();
    };
  }
}

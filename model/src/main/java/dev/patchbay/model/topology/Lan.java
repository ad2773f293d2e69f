package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The real LAN outside the host, with its gateway. The routed-tun scenario's inbound need is met only when that
 * gateway routes the guests' subnet back to the host: those are {@code routes}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Lan(String id, String name, String subnet, String gateway, List<Route> routes)
    implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.lan(this);
  }


  /** A route on the LAN's gateway: {@code route add -net destination gw via}. */
  public record Route(String destination, String via) {}

  public Lan {
    routes = routes == null ? List.of() : List.copyOf(routes);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.LAN;
  }

  @Override
  public Lan withIdentity(String newId, String newName) {
    return new Lan(newId, newName, subnet, gateway, routes);
  }

  public Lan withRoutes(List<Route> newRoutes) {
    return new Lan(id, name, subnet, gateway, newRoutes);
  }
}

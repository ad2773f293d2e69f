package dev.patchbay.model.topology;

/** The Internet beyond the LAN's gateway. */
public record Internet(String id, String name) implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.internet(this);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.INTERNET;
  }

  @Override
  public Internet withIdentity(String newId, String newName) {
    return new Internet(newId, newName);
  }
}

package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.layout.BoxText;
import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.layout.TextWidths;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/** A guest: a box titled with its name, one row per NIC with the NIC's port on the left edge. */
public final class GuestNodeView extends NodeView {
  public GuestNodeView(Guest guest) {
    super(guest);
    update(guest);
  }

  @Override
  protected void build(Element e) {
    Guest g = (Guest) e;
    double w = Geometry.width(g);
    double h = NodeGeometry.height(g);
    setPrefSize(w, h);
    Rectangle box = box(w, h);
    Group icon = Icons.node(ElementKind.GUEST, 20);
    icon.relocate(10, 7);
    Label name = new Label(g.name());
    name.getStyleClass().add("name");
    name.relocate(TextWidths.GUEST_TITLE_X, 8);
    Label mem = new Label(BoxText.memory(g));
    mem.getStyleClass().add("detail");
    double memWidth = TextWidths.of(mem.getText(), TextWidths.DETAIL_PX, false);
    mem.relocate(w - TextWidths.RIGHT_MARGIN - memWidth, 10);
    name.setMaxWidth(w - TextWidths.GUEST_TITLE_X - memWidth - TextWidths.RIGHT_MARGIN - 10);
    LazyTooltip.install(name, g::name);
    Line rule = new Line(0, NodeGeometry.GUEST_HEADER, w, NodeGeometry.GUEST_HEADER);
    rule.getStyleClass().add("rule");
    getChildren().addAll(box, icon, name, mem, rule);
    double column = TextWidths.addressColumn(g);
    for (int i = 0; i < g.nics().size(); i++) {
      addNicRow(g, g.nics().get(i), Geometry.nicPort(i), column);
    }
  }

  /** A NIC's row: its name and address, and its port where the model's geometry puts it (the layout's too). */
  private void addNicRow(Guest g, Nic n, Geometry.Port port, double column) {
    double y = port.y() - NodeGeometry.NIC_ROW / 2;
    Label nic = new Label(n.name());
    nic.getStyleClass().add("nic");
    nic.relocate(TextWidths.NIC_X, y + 6);
    Label address = new Label(address(n.ip()));
    address.getStyleClass().add("detail");
    address.relocate(column, y + 6);
    LazyTooltip.install(address, () -> n.name() + ": " + n.model().label() + ", MAC " + n.mac());
    getChildren().addAll(nic, address);
    addPort(new PortView(Endpoint.of(g.id(), n.name())), port.x(), port.y());
  }

  static String address(IpConfig ip) {
    return BoxText.address(ip);
  }
}

package dev.patchbay.model.importer.gns3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ForeignNics;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GNS3 QEMU node as a Patchbay guest. GNS3 gives adapter N the MAC {@code mac_address + N} and
 * the node's {@code adapter_type}, unless GNS3 2.2's {@code custom_adapters} sets either for that
 * adapter; each adapter becomes NIC {@code nicN}, so a link's adapter_number names its NIC.
 */
final class Gns3Guests {
  /** More adapters than any GNS3 template offers: a number past this is a broken or hostile file. */
  static final int MAX_ADAPTERS = 64;
  private static final int MAX_RAM_MIB = 16 * 1024 * 1024;
  private static final Pattern MACHINE = Pattern.compile("(?:^|\\s)-(?:machine|M)\\s+(?:type=)?([^\\s,]+)");
  private static final Pattern PROGRAM = Pattern.compile("qemu-system-([A-Za-z0-9_]+?)w?(?:\\.exe)?$");

  private final String file;
  private final List<String> warnings;
  private final String projectId;

  Gns3Guests(String file, List<String> warnings, String projectId) {
    this.file = file;
    this.warnings = warnings;
    this.projectId = projectId;
  }

  Guest guest(Gns3Project.Node node, String id, String name) {
    JsonNode p = node.properties();
    int adapters = whole(p, "adapters", node, 1, 0, MAX_ADAPTERS);
    String defaultType = p.path("adapter_type").asText("e1000");
    String given = p.path("mac_address").asText("");
    Mac base = given.isBlank() ? null : mac(given, node, "mac_address");
    base = base != null ? base : gns3Default(node);
    List<Nic> nics = new ArrayList<>();
    for (int i = 0; i < adapters; i++) {
      JsonNode custom = customAdapter(node, i);
      NicModel model = ForeignNics.model(custom.path("adapter_type").asText(defaultType),
          Printable.line(node.name()) + " adapter " + i, warnings);
      Mac own = custom.hasNonNull("mac_address") ? mac(custom.path("mac_address").asText(), node, "custom_adapters")
          : base == null ? null : ForeignNics.nth(base, i);
      nics.add(new Nic("nic" + i, model, own == null ? null : own.toString(), null));
    }
    return new Guest(id, name, arch(p, node), machine(p, node), whole(p, "ram", node, 256, 1, MAX_RAM_MIB),
        disk(p, node), nics);
  }

  private JsonNode customAdapter(Gns3Project.Node node, int adapter) {
    for (JsonNode c : node.customAdapters()) {
      if (c.path("adapter_number").asInt(-1) == adapter) {
        return c;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /**
   * The MAC GNS3 gives a QEMU node that sets none, 0c:PP:PP:NN:NN:00 from the last hex digits of the
   * project's and the node's UUIDs; ids that are not UUIDs get the same shape from a hash of them,
   * so guests never fall back to QEMU's one default MAC together.
   */
  private Mac gns3Default(Gns3Project.Node node) {
    String ids = tail(projectId) + tail(node.id());
    long bits = ids.length() == 8 ? Long.parseLong(ids, 16)
        : (projectId + "/" + node.id()).hashCode() & 0xFFFF_FFFFL;
    return new Mac(0x0C00_0000_0000L | (bits << 8));
  }

  /** The id's last four characters when they are hex digits, else "". */
  private static String tail(String id) {
    String t = id.length() >= 4 ? id.substring(id.length() - 4) : "";
    return t.matches("[0-9a-fA-F]{4}") ? t : "";
  }

  private Mac mac(String text, Gns3Project.Node node, String field) {
    return ForeignNics.mac(text, Printable.line(node.name()) + " " + field, warnings,
        field.equals("mac_address") ? "the node gets the MAC GNS3 makes for it" : "it gets one of its own").orElse(null);
  }

  /** platform ("x86_64") in 2.x; 1.x only named the program, qemu_path ".../qemu-system-i386". */
  private String arch(JsonNode p, Gns3Project.Node node) {
    String platform = p.path("platform").asText("");
    if (platform.isEmpty()) {
      Matcher m = PROGRAM.matcher(p.path("qemu_path").asText("").replace('\\', '/'));
      platform = m.find() ? m.group(1) : "";
    }
    return ForeignNics.arch(platform, Printable.line(node.name()), warnings);
  }

  /** GNS3 has no machine field; a "-machine q35" in the node's extra options is kept when plain. */
  private String machine(JsonNode p, Gns3Project.Node node) {
    Matcher m = MACHINE.matcher(p.path("options").asText(""));
    if (!m.find()) {
      return "pc";
    }
    return ForeignNics.machine(m.group(1), Printable.line(node.name()) + " options", warnings);
  }

  private String disk(JsonNode p, Gns3Project.Node node) {
    String disk = p.path("hda_disk_image").asText("");
    if (disk.isBlank()) {
      return null;
    }
    QemuValues.diskProblem(disk).ifPresent(why -> {
      throw new ImportException(file + ": " + node.where() + ".properties.hda_disk_image: " + why);
    });
    return disk;
  }

  private int whole(JsonNode p, String field, Gns3Project.Node node, int absent, int min, int max) {
    JsonNode v = p.get(field);
    if (v == null || v.isNull()) {
      return absent;
    }
    int n;
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      n = v.intValue();
    } else if (v.isTextual() && v.asText().matches("\\d{1,9}")) {
      n = Integer.parseInt(v.asText());
    } else {
      n = Integer.MIN_VALUE;
    }
    if (n < min || n > max) {
      throw new ImportException(file + ": " + node.where() + ".properties." + field + ": expected a whole number from "
          + min + " to " + max + ", found " + Printable.quoted(v.toString()));
    }
    return n;
  }
}

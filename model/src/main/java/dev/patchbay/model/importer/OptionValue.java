package dev.patchbay.model.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One QEMU option value such as {@code nic,vlan=1,model=rtl8139}: a leading word without '=' (the
 * type or driver) and key=value pairs. A doubled comma is a comma inside a value, as in QEMU.
 * Keys may repeat ({@code hostfwd=}); {@link #all} returns every value.
 */
public record OptionValue(String type, List<Map.Entry<String, String>> pairs) {

  public static OptionValue parse(String text) {
    List<String> parts = split(text);
    String type = null;
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String p = parts.get(i);
      int eq = p.indexOf('=');
      if (eq < 0 && i == 0) {
        type = p;
      } else if (eq < 0) {
        pairs.add(Map.entry(p, "on"));
      } else {
        pairs.add(Map.entry(p.substring(0, eq), p.substring(eq + 1)));
      }
    }
    return new OptionValue(type, List.copyOf(pairs));
  }

  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
        cur.append(',');
        i++;
      } else if (c == ',') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  public Optional<String> get(String key) {
    return pairs.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst();
  }

  public List<String> all(String key) {
    return pairs.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).toList();
  }
}

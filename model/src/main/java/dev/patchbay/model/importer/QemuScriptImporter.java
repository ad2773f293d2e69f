package dev.patchbay.model.importer;

import dev.patchbay.model.net.Mac;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Text files of QEMU command lines, one per guest, as a colleague's start script holds them: lines
 * continued with a backslash, comments, {@code sudo} or {@code VAR=value} before the program, a
 * trailing {@code &}. Every file's command lines are one lab, so a socket that one script listens on
 * and another connects to is one link. Other shell commands in the script ({@code ip link add ...})
 * are named as not imported; the host's side belongs in the design's taps, bridges and host settings.
 *
 * <p>The script comes from someone else: guest and interface names are cleaned by
 * {@link ForeignNames} and MAC addresses checked before anything reaches the topology.
 */
public final class QemuScriptImporter implements Importer {
  private static final Pattern QEMU_PROGRAM = Pattern.compile("qemu-system-[A-Za-z0-9_]+|qemu|qemu-kvm|kvm|vdeq|vqeq");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern IFNAME = Pattern.compile("(^|,)ifname=([^,]*)");
  private static final Set<String> PREFIXES = Set.of("sudo", "exec", "nohup", "env", "time", "doas");
  private static final int RECOGNISE_BYTES = 256 * 1024;

  @Override
  public String id() {
    return "qemu";
  }

  @Override
  public String title() {
    return "QEMU command lines";
  }

  @Override
  public List<String> extensions() {
    return List.of("*.sh", "*.qemu", "*.txt");
  }

  @Override
  public boolean recognises(SourceFile file) {
    if (file.bytes().length > RECOGNISE_BYTES || new String(file.bytes(), 0, Math.min(file.bytes().length, 64),
        java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\0') >= 0) {
      return false;
    }
    try {
      return ShellWords.lines(file.text()).stream().anyMatch(words -> isQemu(command(words)));
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public Imported read(List<SourceFile> files) {
    String names = files.stream().map(SourceFile::lowerName).collect(Collectors.joining(", "));
    Topology t = new Topology("Imported from " + files.get(0).lowerName(),
        "Imported from the QEMU command lines in " + names + ".", null);
    Script script = new Script(t);
    for (SourceFile f : files) {
      script.read(f);
    }
    if (script.guests == 0) {
      throw new ImportException(names + ": no QEMU command line found; expected lines that start with"
          + " qemu-system-ARCH (or qemu, kvm), one per guest");
    }
    List<String> warnings = new ArrayList<>(script.names.warnings());
    return new Imported(t, script.skipped, warnings);
  }

  /** The command's words without what runs it ({@code sudo -E}, {@code VAR=x}, {@code exec}) or backgrounds it. */
  static List<String> command(List<String> words) {
    int from = 0;
    while (from < words.size() && (PREFIXES.contains(words.get(from)) || ASSIGNMENT.matcher(words.get(from)).matches()
        || (from > 0 && words.get(from).startsWith("-") && PREFIXES.contains(words.get(from - 1))))) {
      from++;
    }
    int to = words.size();
    if (to > from && words.get(to - 1).equals("&")) {
      to--;
    }
    return words.subList(from, to);
  }

  private static boolean isQemu(List<String> words) {
    if (words.isEmpty()) {
      return false;
    }
    String program = words.get(0);
    return QEMU_PROGRAM.matcher(program.substring(program.lastIndexOf('/') + 1)).matches();
  }

  /** The state of one import: shared backends, the names handed out, what was skipped. */
  private static final class Script {
    final Topology topology;
    final Backends backends;
    final ForeignNames names;
    final List<Skipped> skipped = new ArrayList<>();
    final Map<String, String> interfaces = new HashMap<>();
    final Set<String> guestNames = new HashSet<>();
    int guests;

    Script(Topology topology) {
      this.topology = topology;
      this.backends = new Backends(topology);
      this.names = new ForeignNames(topology);
    }

    void read(SourceFile f) {
      List<List<String>> lines;
      try {
        lines = ShellWords.lines(f.text());
      } catch (ImportException e) {
        throw new ImportException(f.name() + ": " + e.getMessage());
      }
      for (int i = 0; i < lines.size(); i++) {
        List<String> words = command(lines.get(i));
        if (!isQemu(words)) {
          skipped.add(new Skipped(f.lowerName() + " command " + (i + 1) + ": " + Printable.line(shortened(words)),
              "shell command", "only QEMU command lines are imported; draw the host's taps, bridges and"
                  + " routes in the design instead"));
          continue;
        }
        try {
          guest(words, i + 1);
        } catch (ImportException e) {
          throw new ImportException(f.name() + ": " + e.getMessage());
        }
      }
    }

    private void guest(List<String> words, int index) {
      guests++;
      QemuArguments args = cleaned(QemuArguments.parse(words, index), index);
      Guest g = new ProcessImport(topology, backends, args, index).build();
      for (Nic n : g.nics()) {
        if (n.mac() != null && Mac.parse(n.mac()).isEmpty()) {
          throw new ImportException("command line " + index + ": " + Printable.quoted(n.mac())
              + " is not a MAC address; expected six hex bytes such as 52:54:00:12:34:56");
        }
      }
    }

    /** The same options with a clean, unique -name and clean ifname= values. */
    private QemuArguments cleaned(QemuArguments args, int index) {
      String name = names.processName(ProcessImport.guestName(args, index), "guest" + guests);
      String base = name.length() > 60 ? name.substring(0, 60) : name;
      for (int n = 2; !guestNames.add(name); n++) {
        name = base + "-" + n;
      }
      List<QemuArguments.Option> options = new ArrayList<>();
      options.add(new QemuArguments.Option("name", name, -1));
      for (QemuArguments.Option o : UndrawnNetworks.filter(name, args.options(), skipped)) {
        if (o.name().equals("name")) {
          continue;
        }
        boolean net = o.name().equals("net") || o.name().equals("netdev") || o.name().equals("nic");
        options.add(net && o.value() != null ? new QemuArguments.Option(o.name(), ifnames(o.value()), o.position()) : o);
      }
      return new QemuArguments(args.program(), List.copyOf(options), args.positionals());
    }

    private String ifnames(String value) {
      Matcher m = IFNAME.matcher(value);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String clean = interfaces.computeIfAbsent(m.group(2), foreign -> names.interfaceName(foreign, "tap"));
        m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "ifname=" + clean));
      }
      m.appendTail(out);
      return out.toString();
    }

    private static String shortened(List<String> words) {
      String all = String.join(" ", words);
      return all.length() > 60 ? all.substring(0, 57) + "..." : all;
    }
  }
}

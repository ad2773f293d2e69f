package dev.patchbay.backends.netlink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Creates links so that what follows a create (alias, a veth peer's state) lands only on a link that
 * create made. The creates go first, alone, with NLM_F_ECHO; only those that succeeded get their
 * follow-ups, addressed by the ifindex the kernel echoed. A create refused because the name is taken
 * thus changes nothing (before, the alias request batched after it by name marked the link that held
 * the name, and a rollback then deleted it as the lab's). A link whose follow-ups fail is deleted by
 * its ifindex, so a failed create leaves nothing to undo.
 */
final class LinkCreator {
  /** Creates per batch: each echo is a whole link message, and an echo that finds no room is lost. */
  private static final int CREATES_PER_BATCH = 16;

  private LinkCreator() {}

  static BatchResult create(RtNetlink rt, List<NewLink> links) throws NetlinkException {
    TreeMap<Integer, NetlinkException> failures = new TreeMap<>();
    Map<Integer, CreatedLink> created = new HashMap<>();
    for (int from = 0; from < links.size(); from += CREATES_PER_BATCH) {
      List<NewLink> chunk = links.subList(from, Math.min(links.size(), from + CREATES_PER_BATCH));
      Map<Integer, CreatedLink> made = createOnly(rt, chunk, from, failures);
      created.putAll(followUp(rt, links, made, failures));
    }
    return new BatchResult(links.size(), failures, created);
  }

  /** Sends the creates; returns the links made by index into the whole list, recording the refusals. */
  private static Map<Integer, CreatedLink> createOnly(RtNetlink rt, List<NewLink> chunk, int from,
      TreeMap<Integer, NetlinkException> failures) throws NetlinkException {
    BatchResult answers = rt.execute(chunk.stream().map(NewLink::create).toList());
    Map<Integer, CreatedLink> made = new HashMap<>();
    for (int k = 0; k < chunk.size(); k++) {
      if (!answers.succeeded(k)) {
        failures.put(from + k, answers.failures().get(k));
        continue;
      }
      NewLink asked = chunk.get(k);
      Optional<CreatedLink> link = answers.created(k).or(() -> lookUpQuietly(rt, asked));
      if (link.isPresent()) {
        made.put(from + k, link.get());
      } else {
        failures.put(from + k, new NetlinkException(asked.create().description()
            + " (made, but it could not be found again to set it up; it is left in its group)", Errno.ENODEV, null));
      }
    }
    return made;
  }

  /** Sends the follow-ups of the links made; a link whose follow-up fails is deleted by its ifindex. */
  private static Map<Integer, CreatedLink> followUp(RtNetlink rt, List<NewLink> links, Map<Integer, CreatedLink> made,
      TreeMap<Integer, NetlinkException> failures) throws NetlinkException {
    List<NlRequest> requests = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (Map.Entry<Integer, CreatedLink> e : new TreeMap<>(made).entrySet()) {
      for (NlRequest r : links.get(e.getKey()).followUps(e.getValue())) {
        requests.add(r);
        owners.add(e.getKey());
      }
    }
    BatchResult answers = rt.execute(requests);
    Map<Integer, CreatedLink> kept = new HashMap<>(made);
    for (Map.Entry<Integer, NetlinkException> f : answers.failures().entrySet()) {
      int owner = owners.get(f.getKey());
      failures.putIfAbsent(owner, f.getValue());
      CreatedLink half = kept.remove(owner);
      if (half != null) {
        deleteHalfMade(rt, links.get(owner), half, f.getValue());
      }
    }
    return kept;
  }

  private static void deleteHalfMade(RtNetlink rt, NewLink link, CreatedLink half, NetlinkException cause) {
    try {
      rt.execute(DeleteLink.index(half.index(), link.name()));
    } catch (NetlinkException e) {
      cause.addSuppressed(e);
    }
  }

  private static Optional<CreatedLink> lookUpQuietly(RtNetlink rt, NewLink link) {
    try {
      return lookUp(rt, link);
    } catch (NetlinkException e) {
      return Optional.empty();
    }
  }

  /**
   * Kernels before 6.1 echo nothing: the new link is then looked up by name, and taken only when it
   * is what the create made (its kind, and its group when one was set at creation).
   */
  static Optional<CreatedLink> lookUp(RtNetlink rt, NewLink link) throws NetlinkException {
    return rt.link(link.name())
        .filter(l -> l.kind().equals(link.kind()) && link.group().map(g -> g == l.group()).orElse(true))
        .map(l -> new CreatedLink(l.index(), 0));
  }
}

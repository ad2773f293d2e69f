package dev.patchbay.model.reach;

import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3.NicAddress;
import java.util.List;

/**
 * The walks between two guests a and b, each walked once and used twice. The conversation from a's
 * NIC to b's address is the walk there and the reply from b's NIC back to a's address; that reply
 * is the walk b's NIC makes there in the conversation the other way, unless that walk took a turn a
 * reply would not (NAT: {@link Walk#replyDiffers}). So a matrix walks each ordered pair once
 * instead of twice; the reply is the other way's findings, kept before its own conversation adds
 * the reply it gets back in turn.
 *
 * <p>Loaded for one pair of guests at a time and reused for the next: most guests have one NIC.
 */
final class GuestPairs {
  private final Tracer tracer;
  private final Inbound inbound;
  private List<NicAddress> as = List.of();
  private List<NicAddress> bs = List.of();
  private Walk[] ab = new Walk[1];
  private Walk[] ba = new Walk[1];
  private Walk.Findings[] abKept = new Walk.Findings[1];
  private Walk.Findings[] baKept = new Walk.Findings[1];

  GuestPairs(Tracer tracer, Inbound inbound) {
    this.tracer = tracer;
    this.inbound = inbound;
  }

  /** Walks every NIC of a to every NIC of b it would walk to, and back. */
  void load(List<NicAddress> a, List<NicAddress> b) {
    this.as = a;
    this.bs = b;
    int size = a.size() * b.size();
    if (ab.length < size) {
      ab = new Walk[size];
      ba = new Walk[size];
      abKept = new Walk.Findings[size];
      baKept = new Walk.Findings[size];
    }
    walk(a, b, ab, abKept);
    walk(b, a, ba, baKept);
  }

  /** Whether the conversation from one NIC to another starts with a walk (else: host forwards or no address). */
  boolean walks(NicAddress from, NicAddress to) {
    return to.address() != null && !(inbound.onUserNet(to) && to.segment() != from.segment());
  }

  private void walk(List<NicAddress> from, List<NicAddress> to, Walk[] walks, Walk.Findings[] kept) {
    for (int i = 0; i < from.size(); i++) {
      for (int j = 0; j < to.size(); j++) {
        int at = i * to.size() + j;
        Walk w = walks(from.get(i), to.get(j))
            ? tracer.fromGuest(from.get(i), to.get(j).address().address(), false) : null;
        walks[at] = w;
        kept[at] = w == null || w.replyDiffers ? null : w.findings();
      }
    }
  }

  /** The walk from NIC i of one side (a if aToB, else b) to NIC j of the other, as walked by {@link #load}. */
  Walk there(boolean aToB, int i, int j) {
    return aToB ? ab[i * bs.size() + j] : ba[i * as.size() + j];
  }

  /**
   * The reply to that walk: what NIC j of the other side found on its own walk to NIC i's address,
   * or null when that walk cannot stand for the reply (the reply must then be walked).
   */
  Walk.Findings reply(boolean aToB, int i, int j, Ipv4 to) {
    List<NicAddress> here = aToB ? as : bs;
    Walk.Findings back = aToB ? baKept[j * as.size() + i] : abKept[j * bs.size() + i];
    NicAddress sender = here.get(i);
    return back != null && sender.address() != null && to.equals(sender.address().address()) ? back : null;
  }
}

/**
 * Patchbay's probe guest: a tiny Linux built on the user's machine from Debian packages
 * (the kernel linux-image-amd64 points at, and busybox-static) by {@link
 * dev.patchbay.backends.probe.ProbeGuestBuilder}, cached under $XDG_CACHE_HOME/patchbay/probe.
 *
 * <p>Its {@code /init} (resource {@code init}) loads every NIC driver in dependency order (e1000,
 * virtio-net, rtl8139 through 8139cp/8139too, ne2k_pci, pcnet32), reads its settings from the kernel
 * command line ({@link dev.patchbay.backends.probe.ProbeSettings}):
 * <pre>
 *   pb.name=guest1                        hostname, also in the banner
 *   pb.nic=52-54-00-12-34-56,10.0.0.5/24  one per NIC: MAC with dashes (or eth0), then a CIDR, dhcp or none
 *   pb.gw=10.0.0.1                        default route
 *   pb.probes=icmp:10.0.0.1,tcp:10.0.2.2:22
 *   pb.timeout=10                         seconds each probe keeps retrying
 * </pre>
 * answers pings, echoes TCP on port 7, sends {@code PB-BANNER NAME} on port 7777, runs the probes side
 * by side, and reports on the serial console ({@link dev.patchbay.backends.probe.ProbeReport}):
 * <pre>
 *   PB {"event":"nic","nic":"52-54-00-12-34-56","if":"eth0","mode":"static","addr":"10.0.0.5/24","ok":true}
 *   PB-READY
 *   PB {"probe":"icmp","target":"10.0.0.1","ok":true,"ms":1,"tries":1}
 *   PB {"probe":"tcp","target":"10.0.2.2:22","ok":false,"tries":9}
 *   PB-DONE
 * </pre>
 * then stays up answering, and reads further rounds from its console: each {@code pb.probes=...} line
 * typed into it (verify aims these at the DHCP leases other guests reported) runs those probes and
 * ends with another {@code PB-DONE}. DHCP uses busybox udhcpc with the guest's own lease script
 * ({@code pb-udhcpc}), which stays in the background to renew.
 */
package dev.patchbay.backends.probe;

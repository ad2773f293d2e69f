#!/bin/sh
# Two guests joined by a TCP socket (QEMU manual: -netdev socket,listen= / connect=).
set -e
ip link show >/dev/null

qemu-system-x86_64 -name alpha -m 256 \
  -netdev socket,id=n0,listen=:8010 \
  -device e1000,netdev=n0,mac=52:54:00:12:34:01 \
  alpha.qcow2 &

sudo -E qemu-system-x86_64 -name beta -m 256 \
  -netdev socket,id=n0,connect=127.0.0.1:8010 \
  -device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:02 \
  beta.qcow2 &

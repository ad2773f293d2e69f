#!/bin/sh
# Start the two guests of the socket lab; the host needs nothing.
sudo ip link set lo up

qemu-system-x86_64 -name router -m 256 \
  -netdev socket,id=up,listen=:9000 -device e1000,netdev=up,mac=52:54:00:aa:00:01 \
  -netdev user,id=out,hostfwd=tcp::2201-:22 -device e1000,netdev=out,mac=52:54:00:aa:00:02 \
  router.qcow2 &
qemu-system-x86_64 -name client -m 256 \
  -netdev socket,id=up,connect=127.0.0.1:9000 -device e1000,netdev=up,mac=52:54:00:aa:00:03 \
  client.qcow2 &
wait

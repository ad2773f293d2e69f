# Backends QEMU has and Patchbay does not draw, beside one it does (QEMU manual, -netdev).
qemu-system-x86_64 -name fast -m 512 \
  -chardev socket,id=chr0,path=/tmp/vhost.sock \
  -netdev vhost-user,id=vh0,chardev=chr0 -device virtio-net-pci,netdev=vh0 \
  -netdev l2tpv3,id=l2,src=10.0.0.1,dst=10.0.0.2,udp=on,srcport=1701,dstport=1701,txsession=1,rxsession=1 \
  -device e1000,netdev=l2 \
  -nic bridge,br=br0 \
  -netdev user,id=u0 -device e1000,netdev=u0 fast.img

qemu-system-x86_64 -name left -netdev socket,id=m,mcast=230.0.0.1:1234 -device e1000,netdev=m left.img

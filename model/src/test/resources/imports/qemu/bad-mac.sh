qemu-system-x86_64 -name g -netdev user,id=u -device e1000,netdev=u,mac=52:54:zz:00:00:01 g.img

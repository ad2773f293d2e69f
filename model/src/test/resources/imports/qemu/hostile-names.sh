# Names a colleague's script may hold that Patchbay must not take as they are.
qemu-system-x86_64 -name 'evil;$(reboot) guest with a name far longer than any process name should ever be, really' \
  -netdev tap,id=t0,ifname=a-very-long-tap-interface-name,script=no -device e1000,netdev=t0 disk.img
qemu-system-x86_64 -name 'evil;$(reboot) guest with a name far longer than any process name should ever be, really' \
  -netdev tap,id=t0,ifname=a-very-long-tap-interface-name,script=no -device e1000,netdev=t0 disk2.img

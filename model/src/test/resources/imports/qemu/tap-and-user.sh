# One guest on a tap (the host bridges it), one on QEMU's user network with a forwarded port.
QEMU_AUDIO_DRV=none qemu-system-x86_64 -name web -m 512 \
    -nic tap,ifname=tap-web,script=no,downscript=no,model=virtio-net-pci web.img
qemu-system-x86_64 -name "shell box" -m 256 \
    -netdev user,id=u0,hostfwd=tcp::2222-:22 -device e1000,netdev=u0 shell.img

qemu-system-x86_64 -name 'g -m 128

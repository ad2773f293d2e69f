# The classic -net syntax: two NICs and a user net on QEMU's hub 1 (vlan=1) inside one process.
qemu -m 128 -net nic,vlan=1,model=rtl8139 -net nic,vlan=1 -net user,vlan=1 hub.img

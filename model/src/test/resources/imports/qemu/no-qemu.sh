#!/bin/sh
ip tuntap add tap0 mode tap
ip link set tap0 up

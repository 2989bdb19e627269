#!/usr/bin/env python3
"""Writes an empty Windows registry hive (regf): a root key and nothing else.

bench/reg.sh merges the generated export into it with hivexregedit, the peer tool
route of issue 5.  Layout: a 4 KiB base block, then one 4 KiB hive bin holding the
root key node (nk), its security cell (sk) and free space.
Usage: empty_hive.py OUT
"""
import struct
import sys


def cell(payload: bytes, allocated: bool = True) -> bytes:
    size = (4 + len(payload) + 7) // 8 * 8
    body = payload + b"\0" * (size - 4 - len(payload))
    return struct.pack("<i", -size if allocated else size) + body


def main(out: str) -> None:
    bin_header = 0x20
    name = b"ROOT"
    nk_offset = bin_header  # offsets are relative to the first hive bin
    nk_size = (4 + 0x4C + len(name) + 7) // 8 * 8
    sk_offset = nk_offset + nk_size
    # A self-relative security descriptor with no owner, group or ACLs.
    descriptor = struct.pack("<BBHIIII", 1, 0, 0x8000, 0, 0, 0, 0)
    sk = cell(b"sk" + struct.pack("<HIIII", 0, sk_offset, sk_offset, 1, len(descriptor)) + descriptor)
    none = 0xFFFFFFFF
    nk = cell(
        b"nk"
        + struct.pack("<HQ" + "I" * 15 + "HH", 0x2C, 0, 0, 0, 0, 0, none, none, 0, none, sk_offset, none,
                      0, 0, 0, 0, 0, len(name), 0)
        + name
    )
    assert len(nk) == nk_size
    used = bin_header + len(nk) + len(sk)
    free = struct.pack("<i", 0x1000 - used) + b"\0" * (0x1000 - used - 4)
    hbin = b"hbin" + struct.pack("<IIQQI", 0, 0x1000, 0, 0, 0) + nk + sk + free
    assert len(hbin) == 0x1000

    base = bytearray(0x1000)
    base[0:4] = b"regf"
    struct.pack_into("<IIQIIIIIII", base, 4, 1, 1, 0, 1, 3, 0, 1, nk_offset, 0x1000, 1)
    checksum = 0
    for (word,) in struct.iter_unpack("<I", bytes(base[:0x1FC])):
        checksum ^= word
    checksum = {0: 1, 0xFFFFFFFF: 0xFFFFFFFE}.get(checksum, checksum)
    struct.pack_into("<I", base, 0x1FC, checksum)
    with open(out, "wb") as f:
        f.write(bytes(base) + hbin)


if __name__ == "__main__":
    main(sys.argv[1])

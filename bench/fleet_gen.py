#!/usr/bin/env python3
"""Generates N host bundles for bench/fleet.sh from the example bundles and the
Exchange corpus in tests/data/corpus/exchange, with per-host variation:
- software.reg and system.reg: UTF-16LE with BOM and CRLF, each headed by its root
  key, as `reg export` writes them; the SCHANNEL,
  .NET, LSA and SMB keys the baselines read with values drawn per host (enabled,
  disabled or absent), and about MB megabytes of unrelated keys (CLSID-like) before and
  after them, so the reader has to skip what nobody asked for;
- the corpus Exchange and OS CLIXML exports with the server name replaced by the
  host's (and the build's revision varied);
- the corpus applicationHost.config and web.config, with sslFlags varied;
- host.yaml.
Usage: fleet_gen.py SOURCE_DIR OUT_DIR N [MB]
"""
import os
import random
import sys

src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
mb = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
corpus = os.path.join(src, "tests/data/corpus/exchange/E16")
rng = random.Random(20261125)

SCHANNEL = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"
NET = [r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\.NETFramework\v4.0.30319",
       r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319",
       r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\.NETFramework\v2.0.50727",
       r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v2.0.50727"]


def filler(seed, megabytes):
    """Unrelated keys: what a full `reg export HKLM\\SOFTWARE` is mostly made of."""
    r = random.Random(seed)
    parts, size = [], 0
    while size < megabytes * 1_000_000 / 2:  # UTF-16: two bytes a character
        guid = "{%08X-%04X-%04X-%04X-%012X}" % (r.getrandbits(32), r.getrandbits(16), r.getrandbits(16),
                                                r.getrandbits(16), r.getrandbits(48))
        block = (f"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\{guid}]\r\n@=\"Component {guid}\"\r\n\r\n"
                 f"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\{guid}\\InprocServer32]\r\n"
                 f"@=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,25,00,00,00\r\n"
                 f"\"ThreadingModel\"=\"Both\"\r\n\"Flags\"=dword:{r.getrandbits(16):08x}\r\n\r\n")
        parts.append(block)
        size += len(block)
    return "".join(parts)


def pick_dword(name, choices):
    v = rng.choice(choices)
    return "" if v is None else f"\"{name}\"=dword:{v:08x}\r\n"


def hardening(i):
    """(software keys, system keys) of one host."""
    lines = []
    for proto in ["SSL 2.0", "SSL 3.0", "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"]:
        for side in ["Client", "Server"]:
            legacy = proto not in ("TLS 1.2", "TLS 1.3")
            lines.append(f"[{SCHANNEL}\\Protocols\\{proto}\\{side}]\r\n")
            lines.append(pick_dword("Enabled", [0, 0, 0, 1, None] if legacy else [1, 1, None]))
            lines.append(pick_dword("DisabledByDefault", [1, 1, 0, None] if legacy else [0, 0, None]))
            lines.append("\r\n")
    for cipher in ["NULL", "DES 56/56", "RC2 40/128", "RC2 56/128", "RC2 56/56", "RC4 128/128", "RC4 40/128",
                   "RC4 56/128", "RC4 64/128", "Triple DES 168"]:
        lines.append(f"[{SCHANNEL}\\Ciphers\\{cipher}]\r\n" + pick_dword("Enabled", [0, 0, 0, None]) + "\r\n")
    lines.append(f"[{SCHANNEL}\\Hashes\\MD5]\r\n" + pick_dword("Enabled", [0, None]) + "\r\n")
    system_text = "".join(lines)
    lines = []
    for key in NET:
        lines.append(f"[{key}]\r\n" + pick_dword("SchUseStrongCrypto", [1, 1, 1, 0, None]) +
                     pick_dword("SystemDefaultTlsVersions", [1, 1, 0, None]) + "\r\n")
    lines.append("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"
                 f"\"CurrentBuild\"=\"{rng.choice(['17763', '20348'])}\"\r\n"
                 f"\"UBR\"=dword:{rng.randint(1000, 7000):08x}\r\n\r\n")
    system_text += ("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa]\r\n" +
                    pick_dword("LmCompatibilityLevel", [5, 5, 3, None]) + pick_dword("RunAsPPL", [1, 0, None]) + "\r\n")
    system_text += ("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters]\r\n" +
                    pick_dword("RequireSecuritySignature", [1, 1, 0]) + pick_dword("SMB1", [0, 0, None]) + "\r\n")
    return "".join(lines), system_text


def read(path):
    with open(path, "rb") as f:
        return f.read()


clixml = {}
for sub in ("Exchange", "OS"):
    d = os.path.join(corpus, sub)
    for name in sorted(os.listdir(d)):
        if name.endswith(".xml") and os.path.getsize(os.path.join(d, name)) > 1000:
            clixml[name] = read(os.path.join(d, name))
app_host = read(os.path.join(corpus, "Exchange/IIS/applicationHost.config"))
web_config = read(os.path.join(corpus, "Exchange/IIS/DefaultWebSite-ECP_web.config"))
fillers = [filler(k, mb / 2) for k in range(4)]  # before and after: mb in all

os.makedirs(out, exist_ok=True)
for i in range(n):
    host = f"EX{i:04d}"
    d = os.path.join(out, host.lower())
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "host.yaml"), "w") as f:
        f.write(f"host: {host}\nroles: [mailbox]\n")
    # Two exports as `reg export` writes them, each headed by its root key.
    soft, system = hardening(i)
    for name, root, body in (("software.reg", "HKEY_LOCAL_MACHINE\\SOFTWARE", fillers[i % 4] + soft + fillers[(i + 1) % 4]),
                             ("system.reg", "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet", system)):
        text = f"Windows Registry Editor Version 5.00\r\n\r\n[{root}]\r\n\r\n" + body
        with open(os.path.join(d, name), "wb") as f:
            f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    for name, data in clixml.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data.replace(b"SOLO-E16A", host.encode()))
    flags = rng.choice([b'sslFlags="Ssl, Ssl128"', b'sslFlags="Ssl"', b'sslFlags="None"'])
    with open(os.path.join(d, "applicationHost.config"), "wb") as f:
        f.write(app_host.replace(b'sslFlags="Ssl, Ssl128"', flags))
    with open(os.path.join(d, "ecp.web.config"), "wb") as f:
        f.write(web_config)

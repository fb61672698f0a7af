"""What a whole conversion process opens and connects to, watched with audit hooks.

The release below names images outside its folder, a remote image, links and
an ``<img>`` with a file: URL; the process must open only the input, its own
folder, the installed code and data (Python, site-packages, pressconv's fonts),
the output folder and the pattern cache (and reportlab its per-user settings
files), and open no socket.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HOSTILE = """---
title: Files
---
## A release that names files it must not read

**VIENNA, 4 October 2018 –** Text. ![secret](/etc/passwd) ![up](../outside.png)
![remote](https://example.com/x.png) <img src="file:///etc/shadow"> [link](file:///etc/hosts)

“A quote,” said Jane Doe.

Contact: Jane Doe, press@example.org, +43 1 234 5678
"""

WATCH = textwrap.dedent("""
    import json, sys
    opened, sockets = [], []

    def hook(event, args):
        if event == "open" and isinstance(args[0], (str, bytes)):
            opened.append(args[0] if isinstance(args[0], str) else args[0].decode("utf-8", "replace"))
        elif event.startswith("socket."):
            sockets.append(event)

    sys.addaudithook(hook)
    from pressconv.cli import main
    status = main(sys.argv[1:])
    print(json.dumps({"status": status, "opened": opened, "sockets": sockets, "path": sys.path}))
""")


@pytest.mark.parametrize("fmt", ["docx", "pdf", "txt"])
def test_a_conversion_opens_only_what_it_should(tmp_path, fmt):
    folder = tmp_path / "release"
    folder.mkdir()
    (tmp_path / "outside.png").write_bytes(b"\x89PNG not really")
    source = folder / "r.md"
    source.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", WATCH, "convert", str(source), "-t", fmt,
                           "--out-dir", str(out), "--no-config"],
                          capture_output=True, text=True, timeout=300, cwd=str(tmp_path))
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["status"] == 0, done.stderr
    assert report["sockets"] == []

    import pressconv
    import sysconfig

    allowed = [os.path.realpath(p) for p in {
        sys.prefix, sys.base_prefix, sys.exec_prefix, sysconfig.get_paths()["purelib"],
        sysconfig.get_paths()["platlib"], sysconfig.get_paths()["stdlib"],
        str(Path(pressconv.__file__).resolve().parent),  # the package (fonts, templates)
        str(folder), str(out), os.environ["PRESSCONV_CACHE_DIR"],
        # the converter's installed code and its metadata (plug-in entry points)
        *[entry for entry in report["path"] if entry and os.path.realpath(entry) != str(tmp_path)],
    }] + ["/dev/null", "/dev/urandom",
          # reportlab's own per-user settings, read when it is imported if the user has them
          os.path.expanduser("~/.reportlab_settings"), os.path.expanduser("~/.reportlab_mods")]
    # the only /etc files a Python process reads on its own (locale, time zone, mime types)
    system = ("/etc/localtime", "/etc/mime.types", "/usr/share/zoneinfo", "/usr/lib/locale",
              "/etc/apache2/mime.types", "/etc/httpd/mime.types", "/usr/local/etc/mime.types",
              "/etc/httpd/conf/mime.types", "/usr/local/etc/httpd/conf/mime.types",
              "/usr/local/lib/netscape/mime.types")
    strays = []
    for name in report["opened"]:
        real = os.path.realpath(os.path.join(str(tmp_path), name))
        if not any(real == a or real.startswith(a + os.sep) for a in allowed) \
                and not real.startswith(system):
            strays.append(real)
    assert strays == [], "\n".join(strays)
    assert not any(name.endswith(("passwd", "shadow", "hosts", "outside.png")) for name in report["opened"])
    assert (out / ("r." + fmt)).is_file()

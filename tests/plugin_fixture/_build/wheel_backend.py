"""A minimal PEP 517 build backend: packs src/ and the [project] table into a wheel.

Enough for ``pip install --no-build-isolation --no-index --target DIR .`` of this
fixture without setuptools or wheel; not a general-purpose backend.
"""

import base64
import hashlib
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _project():
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    project = _project()
    dist = project["name"].replace("-", "_")
    info = "%s-%s.dist-info" % (dist, project["version"])
    files = {}
    for path in sorted((ROOT / "src").rglob("*.py")):
        files[path.relative_to(ROOT / "src").as_posix()] = path.read_bytes()
    files[info + "/METADATA"] = ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\n"
                                 % (project["name"], project["version"],
                                    project.get("description", ""))).encode()
    files[info + "/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: wheel_backend\n"
                              b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    groups = project.get("entry-points", {})
    files[info + "/entry_points.txt"] = "".join(
        "[%s]\n%s\n" % (group, "".join("%s = %s\n" % item for item in points.items()))
        for group, points in groups.items()).encode()
    record = [_record_line(name, data) for name, data in files.items()] + [info + "/RECORD,,"]
    files[info + "/RECORD"] = ("\n".join(record) + "\n").encode()
    name = "%s-%s-py3-none-any.whl" % (dist, project["version"])
    with zipfile.ZipFile(Path(wheel_directory) / name, "w", zipfile.ZIP_DEFLATED) as wheel:
        for member, data in files.items():
            wheel.writestr(member, data)
    return name

"""Put IATI's activity schema (XSD) where the tests read it, without a network at test time.

`make setup` runs this once. The XSD files come from the pyIATI package on PyPI (IATI's own
library, MIT), which ships the official schemas of versions 1.01–2.02 but not 2.03; its
pinned dependencies (jsonschema 2.6, lxml 4.2) clash with ours, so its source archive is
downloaded without installing it and only the 2.02 schema folder is kept. The elements the
export writes are the same in 2.02 and 2.03 (docs/importing.md says which).

Usage: python tests/iati/fetch_schemas.py DEST_FOLDER
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "pyIATI==0.4.1"
MEMBER = "iati/resources/standard/2-02/schemas/"


def fetch(dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                "-q",
                "-d",
                tmp,
                PACKAGE,
            ],
            check=True,
        )
        archive = next(Path(tmp).glob("*.tar.gz"))
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if MEMBER in member.name and member.name.endswith(".xsd"):
                    data = tar.extractfile(member).read()
                    (dest / Path(member.name).name).write_bytes(data)
    if not (dest / "iati-activities-schema.xsd").exists():
        raise SystemExit(f"{PACKAGE} did not contain {MEMBER}iati-activities-schema.xsd")


if __name__ == "__main__":
    fetch(Path(sys.argv[1]))

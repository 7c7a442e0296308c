"""Check that a change to the analyzer leaves its findings identical on every shared text.

Prints only counts and file names, never a finding: many of these texts are held-out material.

.venv/bin/python bench/same_findings.py --save /tmp/before.json   # hash each text's analysis
.venv/bin/python bench/same_findings.py --check /tmp/before.json  # the texts whose analysis differs
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from missiongate.analyzer.analysis import analyze_file
from missiongate.errors import MissionGateError

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (
    Path("/work/shared/data/unsc-resolutions"),
    Path("/work/shared/data/unsc-modern"),
    ROOT / "data" / "pema" / "texts",
    ROOT / "data" / "modern" / "texts",
)


def digest(path: Path) -> str:
    """SHA-256 of the analysis as JSON (or of the refusal), the source path left out."""
    try:
        analysis = analyze_file(path).to_dict()
    except MissionGateError as error:
        analysis = {"error": str(error)}
    analysis.pop("source", None)
    return hashlib.sha256(json.dumps(analysis, sort_keys=True).encode()).hexdigest()


def digests() -> dict[str, str]:
    return {f"{folder.name}/{p.name}": digest(p) for folder in FOLDERS for p in sorted(folder.glob("*.txt"))}


def main() -> int:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the hashes to this file")
    group.add_argument("--check", type=Path, help="compare with the hashes in this file")
    args = parser.parse_args()
    now = digests()
    if args.save:
        args.save.write_text(json.dumps(now, indent=0, sort_keys=True))
        print(f"{len(now)} texts hashed")
        return 0
    before = json.loads(args.check.read_text())
    differ = sorted(name for name in before.keys() | now.keys() if before.get(name) != now.get(name))
    print(f"{len(now)} texts, {len(differ)} differ")
    for name in differ:
        print(f"  {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

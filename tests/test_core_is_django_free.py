"""The core in ``folio/`` stays pure Python: importing all of it never loads Django."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Imports every module under folio/ (except __main__, which would run the CLI) and prints
# what failed to import and which Django modules got loaded.
PROBE = """
import importlib, json, pkgutil, sys
import folio
failed = {}
names = [
    m.name
    for m in pkgutil.walk_packages(folio.__path__, "folio.")
    if not m.name.endswith(".__main__")
]
for name in names:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = repr(exc)
django = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
print(json.dumps({"modules": names, "failed": failed, "django": django}))
"""


def test_it_imports_every_core_module_without_django() -> None:
    # given a fresh interpreter, so nothing else in this test session leaks in
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # when every module under folio/ has been imported
    report = json.loads(done.stdout.splitlines()[-1])

    # then all imported and none of them pulled in Django
    assert "folio.manuals.model" in report["modules"]
    assert report["failed"] == {}
    assert report["django"] == []

"""The apps import one way: extraction < commitments < ingest < (public | editor) < demo.

The contract is `.importlinter` (import-linter), run by `make lint` and `make test`. Here it is
checked on the tree as it is, and shown to catch a backwards import added to a copy of it."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_tree_keeps_the_contract():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 broken" in done.stdout


def test_a_backwards_import_breaks_it(tmp_path):
    shutil.copytree(ROOT / "tracker", tmp_path / "tracker", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / ".importlinter", tmp_path)
    status = tmp_path / "tracker" / "commitments" / "status.py"
    status.write_text(status.read_text(encoding="utf-8") + "\nfrom tracker.ingest import models  # noqa\n")
    done = lint_imports(tmp_path)
    assert done.returncode == 1
    assert "tracker.commitments is not allowed to import tracker.ingest" in done.stdout
    assert "tracker.commitments.status -> tracker.ingest.models" in done.stdout

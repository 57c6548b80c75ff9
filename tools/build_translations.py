"""Build the window's translations: ``python tools/build_translations.py``.

Compiles resources/translations/*.ts to .qm with pyside6-lrelease (only those that are
missing or older than their .ts; ``--force`` for all). ``--update`` first runs
pyside6-lupdate over every .py file under ui/, so that new tr() strings appear in the .ts
files (to be translated there; tests/test_translations_complete.py fails until they are).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.i18n import TRANSLATIONS, build_translations  # noqa: E402


def lupdate() -> Path:
    here = Path(sys.executable).parent
    for name in ("pyside6-lupdate", "pyside6-lupdate.exe"):
        if (here / name).exists():
            return here / name
    raise SystemExit("pyside6-lupdate not found next to " + sys.executable)


def update() -> None:
    """Refresh the .ts files from the sources; translations already made are kept."""
    sources = [str(path) for path in sorted((ROOT / "ui").rglob("*.py"))]
    common = ["-no-obsolete", "-locations", "none", *sources]
    full = [str(p) for p in sorted(TRANSLATIONS.glob("programme_planner_*.ts"))
            if not p.stem.endswith("_en")]
    subprocess.run([str(lupdate()), *common, "-ts", *full], check=True)
    # English needs only the plural forms ("1 event", "2 events").
    english = TRANSLATIONS / "programme_planner_en.ts"
    subprocess.run([str(lupdate()), "-pluralonly", *common, "-ts", str(english)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="compile every .ts")
    parser.add_argument("--update", action="store_true",
                        help="refresh the .ts files from ui/**/*.py first")
    args = parser.parse_args(argv)
    if args.update:
        update()
    written = build_translations(force=args.force)
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    missing = [p for p in sorted(TRANSLATIONS.glob("*.ts")) if not p.with_suffix(".qm").exists()]
    if missing:
        print("not built: " + ", ".join(p.name for p in missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

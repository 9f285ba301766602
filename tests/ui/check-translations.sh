#!/usr/bin/env bash
# Every text the console shows is translated: lupdate reads the console's and core's
# sources into a copy of each .ts file, and the check fails on a text lupdate finds new (a
# tr() added without running the vmeclone_ui_lupdate target) or one left unfinished or
# empty.
#
#   check-translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=${1:?usage: check-translations.sh LUPDATE SOURCE_DIR}
src=${2:?usage: check-translations.sh LUPDATE SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$src"/resources/translations/vmeclone_*.ts; do
    copy=$work/$(basename "$ts")
    cp "$ts" "$copy"
    "$lupdate" -silent "$src/ui" "$src/core" "$src/app/console_main.cpp" -ts "$copy" >/dev/null
    case $(basename "$ts") in
    vmeclone_en.ts) continue ;; # English is the source text itself
    esac
    missing=$(grep -B3 -E '<translation></translation>|type="unfinished"|<numerusform></numerusform>' "$copy" |
        sed -n 's/.*<source>\(.*\)<\/source>.*/  \1/p' || true)
    if [ -n "$missing" ]; then
        echo "$(basename "$ts"): not translated (run: cmake --build BUILD --target vmeclone_ui_lupdate, then translate):" >&2
        echo "$missing" >&2
        status=1
    fi
done
exit $status

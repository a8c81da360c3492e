#!/usr/bin/env bash
# Regenerates the gallery: runs every `coherent sweep|compare|run ...` line of docs/gallery.md, in order,
# with app/target/coherent.jar (built with `mvn -q -B -DskipTests package` if missing), and copies each
# figure to docs/figures/gallery/<name>.png, where <name> is the last component of the command's --out DIR.
# The figure is DIR/overview.png for compare, otherwise the one PNG the command wrote into DIR.
# Run from anywhere; works in the repository root. Usage: bench/gallery/make-gallery.sh [NAME...]
# (with names, only those figures).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${COHERENT_JAR:-app/target/coherent.jar}   # COHERENT_JAR: another build of the jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package
mkdir -p docs/figures/gallery
start=$(date +%s)
count=0
while IFS= read -r line; do
    # words as the shell splits them, quotes honoured (a --variant label has spaces), nothing expanded
    mapfile -t args < <(printf '%s' "${line#coherent }" | xargs printf '%s\n')
    dir=""
    for ((k = 0; k < ${#args[@]} - 1; k++)); do
        [ "${args[k]}" = "--out" ] && dir="${args[k + 1]}"
    done
    if [ -z "$dir" ]; then
        echo "make-gallery: no --out in: $line" >&2
        exit 2
    fi
    name=$(basename "$dir")
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then
        continue
    fi
    echo "== $name: $line"
    rm -rf "$dir"
    t0=$(date +%s)
    java -jar "$JAR" "${args[@]}" > /dev/null
    if [ -f "$dir/overview.png" ]; then
        png="$dir/overview.png"
    else
        pngs=("$dir"/*.png)
        if [ ${#pngs[@]} -ne 1 ] || [ ! -f "${pngs[0]}" ]; then
            echo "make-gallery: $name: expected one PNG in $dir, found ${#pngs[@]}" >&2
            exit 1
        fi
        png="${pngs[0]}"
    fi
    cp "$png" "docs/figures/gallery/$name.png"
    count=$((count + 1))
    echo "   $(($(date +%s) - t0)) s -> docs/figures/gallery/$name.png"
done < <(grep -E '^coherent (sweep|compare|run) ' docs/gallery.md)
echo "make-gallery: $count figures in $(($(date +%s) - start)) s"

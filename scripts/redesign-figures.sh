#!/usr/bin/env bash
# Prints the figures issue #15 (redesign) is measured by, from the working tree:
# main lines, the libcni-contract part against Go libcni's, exported top-level types, long files, duplicate pairs.
set -euo pipefail
cd "$(dirname "$0")/.."
src=src/main/java/io/github/cni4j
code_lines() { # non-blank lines that are not comments (line comments, javadoc/block comment lines)
    cat "$@" | grep -vE '^[[:space:]]*$' | grep -cvE '^[[:space:]]*(//|/\*|\*)' || true
}
all=$(git ls-files "$src/*.java" "$src/**/*.java" | sort -u)
echo "main lines: $(cat $all | wc -l) (code $(code_lines $all))"
contract=$(printf '%s\n' $all | grep -E "/(config|result|version|invoke|cache|internal/(config|invoke|cache|exec|fs|json|gojson))/" || true)
echo "libcni-contract part: $(cat $contract | wc -l) lines, $(code_lines $contract) code"
go=/usr/share/gocode/src/github.com/containernetworking/cni
if [ -d "$go" ]; then
    gofiles=$(find "$go/libcni" "$go/pkg/types" "$go/pkg/invoke" -name '*.go' ! -name '*_test.go')
    gocode=$(cat $gofiles | grep -vE '^[[:space:]]*$' | grep -cvE '^[[:space:]]*//')
    echo "Go libcni + pkg/types + pkg/invoke: $(cat $gofiles | wc -l) lines, $gocode code"
fi
types=$(grep -E '^public ' api/cni4j.api | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^io\.github\./) { print $i; break }}')
echo "exported types: $(printf '%s\n' $types | grep -vc '\$') top-level, $(printf '%s\n' $types | grep -c '\$') nested"
echo "files over 300 lines:"
for f in $all; do n=$(wc -l < "$f"); [ "$n" -gt 300 ] && echo "  $n $f"; done || true
if command -v duplicates >/dev/null; then
    echo "duplicate pairs in src/main: $(duplicates --repo src/main --most 1 --seconds 60 | head -1)"
fi

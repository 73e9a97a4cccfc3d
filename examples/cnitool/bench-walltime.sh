#!/usr/bin/env bash
# Wall time of one `cnitool add` + `cnitool del` on the real bridge and host-local plugins: cni4j's cnitool (through
# its launcher), the same tool on a plain JVM (JDK defaults, no AppCDS archive, for reference), and gocnitool, a Go
# libcni twin of Go's cnitool (src/test/go/gocnitool). Also times `--help` alone, which is pure process start-up.
#
# Usage (as root): examples/cnitool/bench-walltime.sh [iterations]     (default 20)
# Writes the table to docs/cnitool-walltime.md. Needs go, Debian's golang-github-appc-cni-dev, the plugins in
# /usr/lib/cni (or CNI_PATH), iproute2 and iptables. Everything it makes (namespace c4j-wall-<pid>, bridge
# c4jwall0, a temp dir with the config, cache and host-local data) is removed on exit, whatever the exit.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-20}"
plugins="${CNI_PATH:-/usr/lib/cni}"
[ "$(id -u)" = 0 ] || { echo "bench-walltime.sh: run as root (it creates a namespace and a bridge)" >&2; exit 1; }
for c in go ip iptables java; do
  command -v "$c" >/dev/null || { echo "bench-walltime.sh: '$c' not found" >&2; exit 1; }
done

work="$(mktemp -d /tmp/c4j-walltime.XXXXXX)"
ns="c4j-wall-$$"
bridge=c4jwall0
network=c4jwall
gotool="$here/target/gocnitool"

cleanup() {
  set +e
  # A run cut short may leave an attachment: DEL it (this also removes the ipMasq rules), then the rest.
  if [ -x "$gotool" ] && [ -e "/run/netns/$ns" ]; then
    NETCONFPATH="$work/net.d" CNI_PATH="$plugins" CNI_CACHE_DIR="$work/cache" \
      "$gotool" del "$network" "/run/netns/$ns" >/dev/null 2>&1
  fi
  # The ipMasq rules of an attachment whose DEL never ran carry the network's name in their comment.
  iptables -w -t nat -S POSTROUTING 2>/dev/null | grep -F "name: \\\"$network\\\"" | while read -r rule; do
    chain="$(sed -n 's/.* -j \(CNI-[0-9a-f]*\).*/\1/p' <<<"$rule")"
    eval "iptables -w -t nat ${rule/-A /-D }" 2>/dev/null
    [ -n "$chain" ] && { iptables -w -t nat -F "$chain"; iptables -w -t nat -X "$chain"; } 2>/dev/null
  done
  ip netns del "$ns" 2>/dev/null
  ip link del "$bridge" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building cni4j's cnitool (and its AppCDS archive) and gocnitool..." >&2
"$here/cnitool" --help >/dev/null
mkdir -p "$work/gopath/src/gocnitool"
cp "$here/src/test/go/gocnitool/main.go" "$work/gopath/src/gocnitool/"
(cd "$work/gopath/src/gocnitool" &&
  GO111MODULE=off GOFLAGS= GOPATH="$work/gopath:/usr/share/gocode" go build -o "$gotool" .)

# The redisnet seed config (a single-plugin .conf, as in the cnitool walkthrough) on a 10.x.0.0/16 the host does
# not use.
subnet=""
used="$(ip -4 -o addr show; ip -4 route show table all)"
for x in $(seq 88 254); do
  if ! grep -Eq "(^|[^0-9])10\.$x\.|(^|[^0-9])10\.0\.0\.0/8" <<<"$used"; then
    subnet="10.$x.0.0/16"
    break
  fi
done
[ -n "$subnet" ] || { echo "bench-walltime.sh: no free 10.x.0.0/16 on this host" >&2; exit 1; }
mkdir -p "$work/net.d"
cat >"$work/net.d/10-$network.conf" <<EOF
{
    "cniVersion": "1.0.0",
    "name": "$network",
    "type": "bridge",
    "bridge": "$bridge",
    "isDefaultGateway": true,
    "forceAddress": false,
    "ipMasq": true,
    "hairpinMode": true,
    "ipam": {
        "type": "host-local",
        "subnet": "$subnet",
        "dataDir": "$work/ipam"
    }
}
EOF
ip netns add "$ns"
export NETCONFPATH="$work/net.d" CNI_PATH="$plugins" CNI_CACHE_DIR="$work/cache"
unset CNI_IFNAME CNI_ARGS CAP_ARGS CNITOOL_JAVA_OPTS

# The plain JVM: the tool's class path and JDK defaults (C2, G1, no archive of the tool's classes).
target="$here/target"
plaincp="$target/cnitool.jar$(printf ':%s' "$target"/lib/*.jar)"
tool_cmd() {
  case "$1" in
    cni4j) echo "$here/cnitool" ;;
    cni4j-plain) echo "java -cp $plaincp io.github.cni4j.examples.cnitool.CniTool" ;;
    go) echo "$gotool" ;;
  esac
}
tools=(cni4j cni4j-plain go)

# One sample: wall and CPU (user + sys of the tool and every process it waited for: the JVM's threads, the
# plugins, iptables) in ms, from bash's `time`, of add + del (or of --help) of one tool. A failure stops the run.
once() {
  local kind="$1"
  shift
  if [ "$kind" = attach ]; then
    "$@" add "$network" "/run/netns/$ns" && "$@" del "$network" "/run/netns/$ns"
  else
    "$@" --help
  fi
}
sample() {
  local TIMEFORMAT='%3R %3U %3S' t
  # shellcheck disable=SC2046 # the command is words on purpose
  if ! t="$({ time once "$2" $(tool_cmd "$1") >/dev/null 2>"$work/stderr"; } 2>&1)"; then
    echo "bench-walltime.sh: $1 ($2) failed:" >&2
    cat "$work/stderr" >&2
    return 1
  fi
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t"
}

declare -A samples
run_series() {
  local kind="$1" i k tool wall cpu res
  for t in "${tools[@]}"; do sample "$t" "$kind" >/dev/null; done # warm-up: page cache, archive mapped once
  for ((i = 0; i < n; i++)); do
    # Rotate the order every iteration so that each tool sees the same share of the machine's noise.
    for ((k = 0; k < ${#tools[@]}; k++)); do
      tool="${tools[$(((i + k) % ${#tools[@]}))]}"
      res="$(sample "$tool" "$kind")"
      read -r wall cpu <<<"$res"
      samples["$kind.$tool.wall"]+="$wall "
      samples["$kind.$tool.cpu"]+="$cpu "
    done
  done
}
# What the launcher gives this JDK (see the launcher): interpreted short commands and an AppCDS archive before
# JDK 24, C1 and the AOT cache from 24 on.
jdk_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${jdk_major%%.*}" -ge 24 ] 2>/dev/null; then
  launcher_flags="C1, SerialGC, AOT cache"
else
  launcher_flags="-Xint, SerialGC, AppCDS"
fi
echo "timing $n iterations of add+del and of --help per tool..." >&2
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
run_series attach
run_series help
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# median and p90 (nearest rank) of ms samples.
stat() {
  tr ' ' '\n' <<<"${samples[$1]}" | sed '/^$/d' | sort -n | awk '
    { v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          r = int(0.9 * NR); if (r < 0.9 * NR) r++
          printf "%.0f %.0f\n", m, v[r] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "n/a" }'; }

read -r go_attach _ <<<"$(stat attach.go.wall)"
read -r go_attach_cpu _ <<<"$(stat attach.go.cpu)"
read -r go_help _ <<<"$(stat help.go.wall)"
read -r go_help_cpu _ <<<"$(stat help.go.cpu)"
table="| tool | add+del wall median (ms) | p90 | × Go | add+del CPU median (ms) | × Go | \`--help\` wall median (ms) | p90 | × Go | \`--help\` CPU median (ms) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for t in "${tools[@]}"; do
  read -r am a90 <<<"$(stat "attach.$t.wall")"
  read -r ac _ <<<"$(stat "attach.$t.cpu")"
  read -r hm h90 <<<"$(stat "help.$t.wall")"
  read -r hc _ <<<"$(stat "help.$t.cpu")"
  case "$t" in
    cni4j) label="cni4j \`cnitool\` (launcher: $launcher_flags)" ;;
    cni4j-plain) label="cni4j, plain \`java -cp\` (JDK defaults, no AppCDS)" ;;
    go) label="gocnitool (Go libcni 1.1.2)" ;;
  esac
  table+="
| $label | $am | $a90 | $(ratio "$am" "$go_attach") | $ac | $(ratio "$ac" "$go_attach_cpu") | $hm | $h90 | $(ratio "$hm" "$go_help") | $hc |"
done

cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
doc="$root/docs/cnitool-walltime.md"
# Hand-written notes below the marker line survive a re-run; only the part above it is regenerated.
marker="<!-- everything below this line is kept when bench-walltime.sh rewrites this file -->"
notes="$(sed -n "/^$marker\$/,\$p" "$doc" 2>/dev/null || true)"
[ -n "$notes" ] || notes="$marker"
cat >"$doc" <<EOF
# cnitool wall time: cni4j vs Go

Measured by \`examples/cnitool/bench-walltime.sh\` (as root; \`bench-walltime.sh [iterations]\`, default 20).
One sample is \`cnitool add\` + \`cnitool del\` of the redisnet seed config (bridge \`$bridge\`, \`isDefaultGateway\`,
\`ipMasq\`, \`hairpinMode\`, host-local on \`$subnet\`) on one namespace, with the real plugins from \`$plugins\`:
two process starts, two plugin chains (bridge, host-local, iptables for ipMasq). \`--help\` alone is the cost of
starting the process. The tools take turns (the order rotates every iteration) so that they share the machine's
noise; one untimed warm-up round precedes each series. Wall and CPU times come from bash's \`time\`; CPU is user +
sys of the tool and of every process it waited for (JVM threads, plugins, iptables), which the load of other work
on the machine disturbs far less than wall time. The Go side is \`gocnitool\`
(\`examples/cnitool/src/test/go/gocnitool\`), a twin of Go's cnitool on Debian's libcni 1.1.2.

- date: $(date -u '+%Y-%m-%d %H:%M UTC')
- machine: $cpu, $(nproc) cores, $(uname -sr)
- JDK: $(java -version 2>&1 | head -1); Go: $(go version | sed 's/^go version //')
- iterations: $n; load average (1, 5, 15 min) before: $load_before, after: $load_after

$table

$notes
EOF
echo "$table"
echo "written to $doc" >&2

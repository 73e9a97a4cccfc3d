#!/usr/bin/env bash
# The user's cnitool walkthrough in one command, on a fresh Debian machine, as root:
# create a netns, ADD it to a bridge network (an embedded redisnet-style config), CHECK, show its address, reach a
# TCP server inside it from the host, DEL, delete the netns, and show that nothing is left behind.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"

if [ "$(id -u)" != 0 ]; then
  echo "demo.sh: run as root (network namespaces and bridges need CAP_SYS_ADMIN and CAP_NET_ADMIN)" >&2
  exit 1
fi

need=()
[ -x /usr/lib/cni/bridge ] || [ -x /opt/cni/bin/bridge ] || need+=(containernetworking-plugins)
command -v ip >/dev/null || need+=(iproute2)
command -v iptables >/dev/null || need+=(iptables)
# cni4j needs Java 17 or newer; the distribution's default JDK is that on Debian 12+ and Ubuntu 22.04+.
java_major() {
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ] 2>/dev/null || ! command -v javac >/dev/null; then
  need+=(default-jdk-headless)
fi
command -v mvn >/dev/null || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

exec "$here/cnitool" demo "$@"

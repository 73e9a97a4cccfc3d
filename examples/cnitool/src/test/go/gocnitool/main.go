// gocnitool is a small stand-in for Go's cnitool, written for cni4j's tests and measurements: it drives Go libcni
// (Debian's golang-github-appc-cni-dev, 1.1.2) the way cnitool does, so cni4j's cnitool can be compared with it
// (interop tests, wall time) on a machine without the real cnitool binary.
//
// Usage: gocnitool [-i|--ifname <name>] add|check|del <network> <netns-path>
//
// Environment, as for cnitool: NETCONFPATH (default /etc/cni/net.d), CNI_PATH (':'-separated plugin dirs),
// CNI_IFNAME (default eth0), CNI_ARGS (K=V;K2=V2), CAP_ARGS (JSON object), CNI_CACHE_DIR (libcni's default when unset).
// The container id is "cnitool-" + hex of the first 10 bytes of SHA-512 of the absolute netns path.
// add prints the result as JSON indented by 4 spaces, without a final newline. Errors: the message and a newline
// on stderr, exit status 1. --help prints the usage on stdout (exit 0); a malformed command line prints it on
// stderr (exit 1).
//
// Build offline (GOPATH mode): copy this directory to <tmp>/src/gocnitool, then
// GO111MODULE=off GOPATH=<tmp>:/usr/share/gocode go build -o gocnitool gocnitool
package main

import (
	"context"
	"crypto/sha512"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/containernetworking/cni/libcni"
)

const usageText = `Usage: gocnitool [-i|--ifname <name>] add|check|del <network> <netns-path>

Environment: NETCONFPATH, CNI_PATH, CNI_IFNAME, CNI_ARGS, CAP_ARGS, CNI_CACHE_DIR
`

func main() {
	verb, network, netns, ifName, ok := parseArgs(os.Args[1:])
	if !ok {
		return
	}
	if err := run(verb, network, netns, ifName); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// parseArgs reads the optional interface flag and the three positional arguments; it handles --help and usage
// errors itself (ok is false after --help, and usage errors exit).
func parseArgs(args []string) (verb, network, netns, ifName string, ok bool) {
	ifName = envOr("CNI_IFNAME", "eth0")
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-h" || a == "--help" || a == "help":
			fmt.Fprint(os.Stdout, usageText)
			return "", "", "", "", false
		case (a == "-i" || a == "--ifname") && i+1 < len(args):
			i++
			ifName = args[i]
		case strings.HasPrefix(a, "--ifname="):
			ifName = strings.TrimPrefix(a, "--ifname=")
		default:
			positional = append(positional, a)
		}
	}
	if len(positional) != 3 {
		usageExit()
	}
	switch positional[0] {
	case "add", "check", "del":
	default:
		usageExit()
	}
	return positional[0], positional[1], positional[2], ifName, true
}

func usageExit() {
	fmt.Fprint(os.Stderr, usageText)
	os.Exit(1)
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func run(verb, network, netns, ifName string) error {
	list, err := libcni.LoadConfList(envOr("NETCONFPATH", "/etc/cni/net.d"), network)
	if err != nil {
		return err
	}
	rt, err := runtimeConf(netns, ifName)
	if err != nil {
		return err
	}
	paths := filepath.SplitList(os.Getenv("CNI_PATH"))
	var cni *libcni.CNIConfig
	if dir := os.Getenv("CNI_CACHE_DIR"); dir != "" {
		cni = libcni.NewCNIConfigWithCacheDir(paths, dir, nil)
	} else {
		cni = libcni.NewCNIConfig(paths, nil)
	}
	ctx := context.Background()
	switch verb {
	case "add":
		result, err := cni.AddNetworkList(ctx, list, rt)
		if err != nil {
			return err
		}
		return printIndented(os.Stdout, result)
	case "check":
		return cni.CheckNetworkList(ctx, list, rt)
	default:
		return cni.DelNetworkList(ctx, list, rt)
	}
}

// runtimeConf builds the per-attachment arguments from the command line and the environment.
func runtimeConf(netns, ifName string) (*libcni.RuntimeConf, error) {
	abs, err := filepath.Abs(netns)
	if err != nil {
		return nil, err
	}
	rt := &libcni.RuntimeConf{ContainerID: containerID(abs), NetNS: abs, IfName: ifName}
	if caps := os.Getenv("CAP_ARGS"); caps != "" {
		if err := json.Unmarshal([]byte(caps), &rt.CapabilityArgs); err != nil {
			return nil, err
		}
	}
	if args := os.Getenv("CNI_ARGS"); args != "" {
		for _, pair := range strings.Split(args, ";") {
			k, v, found := strings.Cut(pair, "=")
			if !found || k == "" || v == "" {
				return nil, fmt.Errorf("invalid CNI_ARGS pair %q", pair)
			}
			rt.Args = append(rt.Args, [2]string{k, v})
		}
	}
	return rt, nil
}

// containerID derives a stable id from the namespace path, so add, check and del of one namespace agree.
func containerID(absNetns string) string {
	sum := sha512.Sum512([]byte(absNetns))
	return "cnitool-" + hex.EncodeToString(sum[:10])
}

func printIndented(w io.Writer, v interface{}) error {
	out, err := json.MarshalIndent(v, "", "    ")
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

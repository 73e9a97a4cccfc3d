// c4j-oracle runs Go libcni (Debian's golang-github-appc-cni-dev) on a network configuration list so that the
// cni4j tests can compare both implementations on the same plugins, cache directory and namespaces.
//
// Usage: c4j-oracle add|check|del <conflist-file> <netns> <containerId> <ifName> <cacheDir> <pluginDir>[:<dir>...]
// Optional environment: C4J_CAP_ARGS (JSON object of capability arguments), C4J_CNI_ARGS (K=V;K2=V2).
// add prints the result JSON on stdout. Errors go to stderr with exit status 1.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/containernetworking/cni/libcni"
)

func main() {
	if len(os.Args) != 8 {
		fmt.Fprintln(os.Stderr, "usage: c4j-oracle add|check|del <conflist> <netns> <containerId> <ifName> <cacheDir> <pluginDirs>")
		os.Exit(2)
	}
	verb, file := os.Args[1], os.Args[2]
	list, err := libcni.ConfListFromFile(file)
	if err != nil {
		fail(err)
	}
	rt := &libcni.RuntimeConf{ContainerID: os.Args[4], NetNS: os.Args[3], IfName: os.Args[5]}
	if caps := os.Getenv("C4J_CAP_ARGS"); caps != "" {
		if err := json.Unmarshal([]byte(caps), &rt.CapabilityArgs); err != nil {
			fail(err)
		}
	}
	if args := os.Getenv("C4J_CNI_ARGS"); args != "" {
		for _, pair := range strings.Split(args, ";") {
			kv := strings.SplitN(pair, "=", 2)
			rt.Args = append(rt.Args, [2]string{kv[0], kv[1]})
		}
	}
	cni := libcni.NewCNIConfigWithCacheDir(strings.Split(os.Args[7], ":"), os.Args[6], nil)
	ctx := context.Background()
	switch verb {
	case "add":
		res, err := cni.AddNetworkList(ctx, list, rt)
		if err != nil {
			fail(err)
		}
		out, err := json.Marshal(res)
		if err != nil {
			fail(err)
		}
		os.Stdout.Write(out)
	case "check":
		err = cni.CheckNetworkList(ctx, list, rt)
	case "del":
		err = cni.DelNetworkList(ctx, list, rt)
	default:
		err = fmt.Errorf("unknown verb %q", verb)
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

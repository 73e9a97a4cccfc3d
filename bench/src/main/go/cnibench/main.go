// Command cnibench measures Go libcni (the Debian golang-github-appc-cni-dev source, built in GOPATH mode) on the
// same inputs as cni4j's JMH benchmarks. Each mode prints "<name> <ns per op>" lines; run.sh collects them.
//
//	cnibench parse <conflist> <millis>
//	cnibench exec <plugin> <millis>
//	cnibench cycle <plugindir> <conflist> <millis>
//	cnibench concurrent <plugindir> <conflist> <threads> <millis>
package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/containernetworking/cni/libcni"
	"github.com/containernetworking/cni/pkg/invoke"
)

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "cnibench:", err)
		os.Exit(1)
	}
}

func millis(s string) time.Duration {
	n, err := strconv.Atoi(s)
	must(err)
	return time.Duration(n) * time.Millisecond
}

// timeLoop runs op in batches until the budget is used, after a warm-up of a fifth of it, and returns the median
// of the per-batch averages in nanoseconds. Process-spawning operations use batches of one, so that the figure is a
// plain median, comparable with the medians of the Java and C loops.
func timeLoop(budget time.Duration, batch int, op func()) float64 {
	warm := time.Now().Add(budget / 5)
	for time.Now().Before(warm) {
		op()
	}
	var samples []float64
	end := time.Now().Add(budget)
	for time.Now().Before(end) || len(samples) < 5 {
		start := time.Now()
		for i := 0; i < batch; i++ {
			op()
		}
		samples = append(samples, float64(time.Since(start).Nanoseconds())/float64(batch))
	}
	sort.Float64s(samples)
	return samples[len(samples)/2]
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: cnibench parse|exec|cycle|concurrent ...")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "parse":
		data, err := os.ReadFile(os.Args[2])
		must(err)
		ns := timeLoop(millis(os.Args[3]), 200, func() {
			_, err := libcni.ConfListFromBytes(data)
			must(err)
		})
		fmt.Printf("parse %.1f\n", ns)
	case "exec":
		runExec(os.Args[2], millis(os.Args[3]))
	case "cycle":
		cfg, list := setup(os.Args[2], os.Args[3])
		defer os.RemoveAll(cacheDir)
		var n int64
		ns := timeLoop(millis(os.Args[4]), 1, func() { addDel(cfg, list, atomic.AddInt64(&n, 1)) })
		fmt.Printf("cycle %.1f\n", ns)
	case "concurrent":
		cfg, list := setup(os.Args[2], os.Args[3])
		defer os.RemoveAll(cacheDir)
		threads, err := strconv.Atoi(os.Args[4])
		must(err)
		concurrent(cfg, list, threads, millis(os.Args[5]))
	default:
		fmt.Fprintln(os.Stderr, "unknown mode", os.Args[1])
		os.Exit(2)
	}
}

func runExec(plugin string, budget time.Duration) {
	raw := &invoke.RawExec{Stderr: os.Stderr}
	stdin := []byte(`{"cniVersion":"1.0.0","name":"bench","type":"noop"}`)
	env := append(os.Environ(), "CNI_COMMAND=ADD", "CNI_CONTAINERID=bench", "CNI_NETNS=/var/run/netns/bench",
		"CNI_IFNAME=eth0", "CNI_ARGS=", "CNI_PATH=/nonexistent")
	ctx := context.Background()
	ns := timeLoop(budget, 1, func() {
		_, err := raw.ExecPlugin(ctx, plugin, stdin, env)
		must(err)
	})
	fmt.Printf("exec %.1f\n", ns)
}

// cacheDir is the temp cache of this run; main removes it when the measurement is done.
var cacheDir string

func setup(pluginDir, conflist string) (*libcni.CNIConfig, *libcni.NetworkConfigList) {
	var err error
	cacheDir, err = os.MkdirTemp("", "c4j-gobench-cache")
	must(err)
	list, err := libcni.ConfListFromFile(conflist)
	must(err)
	return libcni.NewCNIConfigWithCacheDir([]string{pluginDir}, cacheDir, nil), list
}

func addDel(cfg *libcni.CNIConfig, list *libcni.NetworkConfigList, n int64) {
	rt := &libcni.RuntimeConf{ContainerID: "bench" + strconv.FormatInt(n, 10), NetNS: "/var/run/netns/bench",
		IfName: "eth0"}
	ctx := context.Background()
	_, err := cfg.AddNetworkList(ctx, list, rt)
	must(err)
	must(cfg.DelNetworkList(ctx, list, rt))
}

func concurrent(cfg *libcni.CNIConfig, list *libcni.NetworkConfigList, threads int, budget time.Duration) {
	var n, done int64
	warm := time.Now().Add(budget / 5)
	end := warm.Add(budget)
	var wg sync.WaitGroup
	var measuredStart time.Time
	var once sync.Once
	for t := 0; t < threads; t++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				now := time.Now()
				if now.After(end) {
					return
				}
				addDel(cfg, list, atomic.AddInt64(&n, 1))
				if now.After(warm) {
					once.Do(func() { measuredStart = now })
					atomic.AddInt64(&done, 1)
				}
			}
		}()
	}
	wg.Wait()
	secs := time.Since(measuredStart).Seconds()
	fmt.Printf("concurrent_ops_per_s %.1f\n", float64(done)/secs)
}

package io.github.cni4j.reliability;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The victim of {@link CrashConsistencyIT}: loops ADD/DEL on a network until it is killed, announcing each
 * operation on stdout before starting it, so the killer knows what may be half done.
 *
 * <p>Arguments: plugin dir, cache dir, conflist file, netns path, container ID prefix.
 */
public final class CrashLoopMain {

    private CrashLoopMain() {
    }

    /**
     * Runs the loop.
     *
     * @param args plugin dir, cache dir, conflist file, netns path, container ID prefix
     */
    public static void main(String[] args) {
        CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Path.of(args[0]))).cacheDir(Path.of(args[1]))
                .timeout(Duration.ofSeconds(60)).build();
        NetworkConfigList list = NetworkConfigList.fromFile(Path.of(args[2]));
        PrintStream out = System.out;
        for (long i = 0; ; i++) {
            String id = args[4] + "-" + i;
            RuntimeConf rt = RuntimeConf.builder().containerId(id).netNs(args[3]).ifName("eth0").build();
            out.println("ADD " + id);
            out.flush();
            invoker.add(list, rt);
            out.println("DEL " + id);
            out.flush();
            invoker.del(list, rt);
        }
    }
}

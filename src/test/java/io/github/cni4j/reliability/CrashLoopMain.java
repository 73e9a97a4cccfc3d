package io.github.cni4j.reliability;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.invoke.CniInvoker;
import io.github.cni4j.invoke.RuntimeConf;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * The victim of {@link CrashConsistencyIT}: loops ADD/DEL on a network until it is killed, announcing each
 * operation on stdout before starting it, so the killer knows what may be half done.
 *
 * <p>Arguments: plugin dir, cache dir, conflist file, netns path, container ID prefix, journal file.
 */
public final class CrashLoopMain {

    private CrashLoopMain() {
    }

    /**
     * Runs the loop.
     *
     * @param args plugin dir, cache dir, conflist file, netns path, container ID prefix, journal file
     */
    public static void main(String[] args) {
        CniInvoker invoker = CniInvoker.builder().pluginDirs(List.of(Path.of(args[0]))).cacheDir(Path.of(args[1]))
                .timeout(Duration.ofSeconds(60)).build();
        NetworkConfigList list = NetworkConfigList.fromFile(Path.of(args[2]));
        PrintStream out = System.out;
        try (FileChannel journal = FileChannel.open(Path.of(args[5]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (long i = 0; ; i++) {
                String id = args[4] + "-" + i;
                RuntimeConf rt = RuntimeConf.builder().containerId(id).netNs(args[3]).ifName("eth0").build();
                announce(journal, out, "ADD " + id);
                invoker.add(list, rt);
                announce(journal, out, "DEL " + id);
                invoker.del(list, rt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like a runtime's state store: the intent is durable before the operation starts. */
    private static void announce(FileChannel journal, PrintStream out, String op) throws IOException {
        journal.write(ByteBuffer.wrap((op + "\n").getBytes(StandardCharsets.UTF_8)));
        journal.force(false);
        out.println(op);
        out.flush();
    }
}

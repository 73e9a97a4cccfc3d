package io.github.cni4j.internal.invoke;

import io.github.cni4j.error.PluginException;
import io.github.cni4j.internal.config.CniNames;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds a plugin binary by its {@code type} in the plugin directories, in order, as libcni's {@code FindInPath} does:
 * a type must be a plain file name; the first {@code dir/type} that is a regular file (links followed) wins, the exec
 * bit unchecked. Immutable and thread-safe.
 */
public final class PluginFinder {

    private final List<Path> dirs;
    private final String cniPath;

    private PluginFinder(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
        this.cniPath = this.dirs.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Returns a finder over the given directories (searched in this order).
     *
     * @param dirs the plugin directories, as in {@code CNI_PATH}
     * @return the finder
     */
    public static PluginFinder of(List<Path> dirs) {
        return new PluginFinder(Objects.requireNonNull(dirs, "dirs"));
    }

    /** {@return the directories searched, in order} */
    public List<Path> dirs() {
        return dirs;
    }

    /**
     * The value of {@code CNI_PATH}: the directories joined by the platform's path separator.
     *
     * @return the search path
     */
    public String cniPath() {
        return cniPath;
    }

    /**
     * Finds the binary of a plugin type.
     *
     * @param type the plugin's {@code type}
     * @return the path of the binary
     * @throws PluginException ({@code NOT_FOUND}) with libcni's message: {@code no plugin name provided},
     *         {@code invalid plugin name: <type>} (also for {@code .}, {@code ..}, NUL, line breaks and lone UTF-16
     *         surrogates, which libcni lets through or cannot see), {@code no paths provided} or
     *         {@code failed to find plugin "<type>" in path [<dir1> <dir2>]}
     */
    public Path find(String type) {
        Objects.requireNonNull(type, "type");
        if (type.isEmpty()) {
            throw PluginException.notFound("no plugin name provided", type, dirs);
        }
        // "." and ".." name directories, never binaries; NUL and line breaks cannot be in a file the admin installed.
        if (type.contains("/") || type.contains(File.separator) || type.equals(".") || type.equals("..")
                || type.indexOf('\0') >= 0 || type.indexOf('\n') >= 0 || type.indexOf('\r') >= 0
                || CniNames.hasLoneSurrogate(type)) {
            throw PluginException.notFound("invalid plugin name: " + type, type, dirs);
        }
        if (dirs.isEmpty()) {
            throw PluginException.notFound("no paths provided", type, dirs);
        }
        for (Path dir : dirs) {
            Path candidate = dir.resolve(type);
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        String searched = dirs.stream().map(Path::toString).collect(Collectors.joining(" "));
        throw PluginException.notFound("failed to find plugin \"" + type + "\" in path [" + searched + "]", type, dirs);
    }
}

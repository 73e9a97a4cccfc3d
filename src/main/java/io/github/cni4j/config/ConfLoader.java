package io.github.cni4j.config;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.GoJson;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Finds and loads network configurations in a configuration directory (such as {@code /etc/cni/net.d}) with
 * libcni's rules (REFERENCE B.2).
 *
 * <ul>
 *   <li>{@link #confFiles(Path)}: the {@code .conf}, {@code .conflist} and {@code .json} files (exact-case
 *   extension, no sub-directories), sorted; a missing directory has none.</li>
 *   <li>{@link #loadConfList(Path, String)}: libcni's lookup of one network by name: {@code .conflist} files first
 *   (a file that fails to parse stops the lookup), then single {@code .conf}/{@code .json} configs, upgraded.</li>
 *   <li>{@link #loadAll(Path)}: every network of the directory, failing on the first bad file;
 *   {@link #loadAll(Path, Consumer)} hands each bad file's error to the caller and keeps going.</li>
 * </ul>
 *
 * <pre>{@code
 * NetworkConfigList net = ConfLoader.loadConfList(Path.of("/etc/cni/net.d"), "containerd-net");
 * List<NetworkConfigList> good = ConfLoader.loadAll(Path.of("/etc/cni/net.d"),
 *         e -> log.warn("skipping {}: {}", e.source(), e.getMessage()));
 * }</pre>
 *
 * <p>This class has only static methods and is thread-safe; results reflect the directory at the time of the call.
 */
public final class ConfLoader {

    private static final List<String> ALL_EXTENSIONS = List.of(".conf", ".conflist", ".json");
    private static final Comparator<Path> GO_ORDER = Comparator.comparing(Path::toString, GoJson.KEY_ORDER);

    private ConfLoader() {
    }

    /**
     * Lists the configuration files of a directory: entries that are not directories and whose extension is
     * exactly {@code .conf}, {@code .conflist} or {@code .json}, sorted by name.
     *
     * @param dir the directory
     * @return the files, empty when the directory does not exist
     * @throws ConfigException if the directory exists but cannot be read
     */
    public static List<Path> confFiles(Path dir) {
        return filesWithExtensions(dir, ALL_EXTENSIONS);
    }

    static List<Path> filesWithExtensions(Path dir, List<String> extensions) {
        Objects.requireNonNull(dir, "dir");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                // Like Go's DirEntry.IsDir: a symlink counts as a file even when it points at a directory.
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && extensions.contains(extension(p))) {
                    files.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (AccessDeniedException e) {
            throw new ConfigException(7, "open " + dir + ": permission denied", dir.toString(), 0, 0, null, e);
        } catch (NotDirectoryException e) {
            throw new ConfigException(7, "readdirent " + dir + ": not a directory", dir.toString(), 0, 0, null, e);
        } catch (IOException | SecurityException e) {
            throw new ConfigException(7, "open " + dir + ": " + e.getMessage(), dir.toString(), 0, 0, null, e);
        }
        files.sort(GO_ORDER);
        return List.copyOf(files);
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    /**
     * Finds the network called {@code name} as libcni's {@code LoadConfList} does: the first {@code .conflist} with
     * that name (its plugin directory appended unless {@code loadOnlyInlinedPlugins}); if none, the first
     * {@code .conf} or {@code .json} with that name, upgraded to a list.
     *
     * @param dir the configuration directory
     * @param name the network name
     * @return the network
     * @throws ConfigException {@code no net configuration with name "<name>" in <dir>},
     *         {@code no net configurations found in <dir>}, or the error of a file met on the way (naming that file)
     */
    public static NetworkConfigList loadConfList(Path dir, String name) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(name, "name");
        List<Path> lists = filesWithExtensions(dir, List.of(".conflist"));
        for (Path f : lists) {
            NetworkConfigList list = NetworkConfigList.fromFile(f);
            if (list.name().equals(name)) {
                return list;
            }
        }
        List<Path> singles = filesWithExtensions(dir, List.of(".conf", ".json"));
        if (singles.isEmpty()) {
            if (!lists.isEmpty()) {
                throw notFound(dir, name);
            }
            throw new ConfigException("no net configurations found in " + dir, dir.toString());
        }
        for (Path f : singles) {
            PluginConfig conf = PluginConfig.fromFile(f);
            if (conf.name().orElse("").equals(name)) {
                return NetworkConfigList.of(conf);
            }
        }
        throw notFound(dir, name);
    }

    private static ConfigException notFound(Path dir, String name) {
        return new ConfigException("no net configuration with name \"" + name + "\" in " + dir, dir.toString());
    }

    /**
     * Loads every network of a directory, in {@link #confFiles(Path)} order: {@code .conflist} files as lists,
     * {@code .conf}/{@code .json} files upgraded to lists.
     *
     * @param dir the configuration directory
     * @return the networks, empty when the directory has no config files or does not exist
     * @throws ConfigException for the first file that cannot be read or parsed (its {@code source()} is the file)
     */
    public static List<NetworkConfigList> loadAll(Path dir) {
        return loadAll(dir, e -> {
            throw e;
        });
    }

    /**
     * Loads every network of a directory like {@link #loadAll(Path)}, but hands the error of each file that cannot
     * be read or parsed to {@code onBadFile} and goes on with the next file (unless {@code onBadFile} throws).
     *
     * <pre>{@code
     * List<ConfigException> errors = new ArrayList<>();
     * List<NetworkConfigList> networks = ConfLoader.loadAll(dir, errors::add);
     * }</pre>
     *
     * @param dir the configuration directory
     * @param onBadFile called once per bad file, in file order; its {@code source()} names the file
     * @return the networks that loaded, in file order
     * @throws ConfigException if the directory itself cannot be read, or what {@code onBadFile} throws
     */
    public static List<NetworkConfigList> loadAll(Path dir, Consumer<? super ConfigException> onBadFile) {
        Objects.requireNonNull(onBadFile, "onBadFile");
        List<NetworkConfigList> networks = new ArrayList<>();
        for (Path f : confFiles(dir)) {
            try {
                networks.add(f.getFileName().toString().endsWith(".conflist")
                        ? NetworkConfigList.fromFile(f)
                        : NetworkConfigList.of(PluginConfig.fromFile(f)));
            } catch (ConfigException e) {
                onBadFile.accept(e);
            }
        }
        return List.copyOf(networks);
    }
}

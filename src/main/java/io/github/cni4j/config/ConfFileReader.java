package io.github.cni4j.config;

import io.github.cni4j.error.ConfigException;
import io.github.cni4j.internal.json.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads config files with the size limit and libcni's {@code error reading <file>: <reason>} message. */
final class ConfFileReader {

    private ConfFileReader() {
    }

    static byte[] read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException("error reading " + name + ": read " + name + ": is a directory", name);
        }
        // A FIFO would block the open forever and a device (say a link to /dev/zero) never ends: only regular
        // files (symlinks to them are fine) are configs. libcni would hang on both.
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ConfigException("error reading " + name + ": not a regular file", name);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the limit to detect oversized files without trusting their reported size.
            byte[] bytes = in.readNBytes(JsonInput.MAX_BYTES + 1);
            if (bytes.length > JsonInput.MAX_BYTES) {
                throw new ConfigException("error reading " + name + ": file is larger than the limit of "
                        + JsonInput.MAX_BYTES + " bytes (16 MiB)", name);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ConfigException(7, "error reading " + name + ": open " + name + ": no such file or directory",
                    name, 0, 0, null, e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(7, "error reading " + name + ": open " + name + ": permission denied",
                    name, 0, 0, null, e);
        } catch (IOException e) {
            throw new ConfigException(7, "error reading " + name + ": " + e.getMessage(), name, 0, 0, null, e);
        }
    }
}

/* A no-op CNI plugin for benchmarks and tests: reads all of stdin, prints a minimal 1.0.0 result for ADD and
 * nothing for other commands, exits 0. Static, so a run costs only exec and the pipes. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    char buf[4096];
    while (read(0, buf, sizeof buf) > 0) {
    }
    const char *cmd = getenv("CNI_COMMAND");
    if (cmd != NULL && strcmp(cmd, "VERSION") == 0) {
        static const char v[] = "{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\"]}";
        return write(1, v, sizeof v - 1) == (ssize_t) (sizeof v - 1) ? 0 : 1;
    }
    if (cmd == NULL || strcmp(cmd, "ADD") == 0) {
        static const char r[] = "{\"cniVersion\":\"1.0.0\",\"interfaces\":[],\"ips\":[],\"dns\":{}}";
        return write(1, r, sizeof r - 1) == (ssize_t) (sizeof r - 1) ? 0 : 1;
    }
    return 0;
}

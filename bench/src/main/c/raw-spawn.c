/* Baseline for the plugin-run benchmark: the cost of one plugin run done directly in C with posix_spawn, the same
 * pipes (stdin written, stdout and stderr drained) and waitpid. Prints the median and other percentiles in ns.
 * Usage: raw-spawn <plugin> <runs> */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    long long x = *(const long long *) a, y = *(const long long *) b;
    return x < y ? -1 : x > y;
}

static void run_once(const char *plugin, char **envp, const char *in, size_t inlen) {
    int pin[2], pout[2], perr[2];
    if (pipe2(pin, O_CLOEXEC) || pipe2(pout, O_CLOEXEC) || pipe2(perr, O_CLOEXEC)) {
        perror("pipe2");
        exit(1);
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
    posix_spawn_file_actions_adddup2(&fa, pout[1], 1);
    posix_spawn_file_actions_adddup2(&fa, perr[1], 2);
    char *argv[] = {(char *) plugin, NULL};
    pid_t pid;
    int rc = posix_spawn(&pid, plugin, &fa, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        fprintf(stderr, "posix_spawn: %s\n", strerror(rc));
        exit(1);
    }
    close(pin[0]);
    close(pout[1]);
    close(perr[1]);
    if (write(pin[1], in, inlen) != (ssize_t) inlen) {
        perror("write");
    }
    close(pin[1]);
    char buf[65536];
    while (read(pout[0], buf, sizeof buf) > 0) {
    }
    while (read(perr[0], buf, sizeof buf) > 0) {
    }
    close(pout[0]);
    close(perr[0]);
    int status;
    waitpid(pid, &status, 0);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s <plugin> <runs>\n", argv[0]);
        return 2;
    }
    int runs = atoi(argv[2]);
    if (runs < 1) {
        runs = 1;
    }
    setenv("CNI_COMMAND", "ADD", 1);
    const char *in = "{\"cniVersion\":\"1.0.0\",\"name\":\"bench\",\"type\":\"noop\"}";
    for (int i = 0; i < runs / 10 + 1; i++) {
        run_once(argv[1], environ, in, strlen(in));
    }
    long long *t = malloc(sizeof(long long) * runs);
    for (int i = 0; i < runs; i++) {
        long long s = now_ns();
        run_once(argv[1], environ, in, strlen(in));
        t[i] = now_ns() - s;
    }
    qsort(t, runs, sizeof t[0], cmp);
    printf("median_ns %lld\np10_ns %lld\np90_ns %lld\n", t[runs / 2], t[runs / 10], t[runs * 9 / 10]);
    return 0;
}

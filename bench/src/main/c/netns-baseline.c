/* Baseline for the namespace figures: the syscalls of `ip netns add` + `ip netns del` and of one enter/leave pair,
 * done directly in C on one thread. Prints the median in ns of N runs.
 * Usage: netns-baseline create <N>   pin file open(O_CREAT|O_EXCL)+close, unshare, bind mount, setns home, umount2,
 *                                    unlink (the run dir is assumed to be a shared mount already, as after one add)
 *        netns-baseline run <N>      setns into a namespace and back, fds opened once beforehand */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    long long x = *(const long long *) a, y = *(const long long *) b;
    return x < y ? -1 : x > y;
}

static void die(const char *what) {
    perror(what);
    exit(1);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s create|run <N>\n", argv[0]);
        return 2;
    }
    int n = atoi(argv[2]);
    long long *t = calloc(n, sizeof *t);
    int home = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (home < 0) die("open home");
    mkdir("/run/netns", 0755);
    char pin[64];
    snprintf(pin, sizeof pin, "/run/netns/c4j-cbase-%d", (int) getpid());
    if (strcmp(argv[1], "create") == 0) {
        for (int i = 0; i < n; i++) {
            long long start = now_ns();
            int fd = open(pin, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
            if (fd < 0) die("open pin");
            close(fd);
            if (unshare(CLONE_NEWNET)) die("unshare");
            if (mount("/proc/thread-self/ns/net", pin, "none", MS_BIND, NULL)) die("mount");
            if (setns(home, CLONE_NEWNET)) die("setns");
            if (umount2(pin, MNT_DETACH)) die("umount2");
            if (unlink(pin)) die("unlink");
            t[i] = now_ns() - start;
        }
    } else {
        int fd = open(pin, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
        if (fd < 0) die("open pin");
        close(fd);
        if (unshare(CLONE_NEWNET) || mount("/proc/thread-self/ns/net", pin, "none", MS_BIND, NULL)
                || setns(home, CLONE_NEWNET)) die("make namespace");
        int ns = open(pin, O_RDONLY | O_CLOEXEC);
        for (int i = 0; i < n; i++) {
            long long start = now_ns();
            if (setns(ns, CLONE_NEWNET) || setns(home, CLONE_NEWNET)) die("setns");
            t[i] = now_ns() - start;
        }
        close(ns);
        umount2(pin, MNT_DETACH);
        unlink(pin);
    }
    qsort(t, n, sizeof *t, cmp);
    printf("median_ns %lld\n", t[n / 2]);
    return 0;
}

/*
 * A busy host for measuring the probe: PROCESSES processes and CONNECTIONS established loopback TCP
 * connections, held until SIGTERM. The connections are spread over the first processes (100 client ends each)
 * and the server ends stay in the first process, so the probe has to map every socket inode to its owner as on a
 * real host. Prints "ready <pid>" once everything is established.
 *
 *   cc -O2 -o hostload hostload.c && ./hostload 1000 10000
 *
 * Only 127.0.0.1 is used. Exits on SIGTERM/SIGINT or when its parent dies; its children die with it.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/close_range.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define PER_CLIENT 100

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

static void die(const char *what) { perror(what); exit(1); }

/*
 * A child keeps only stdin/out/err (and `keep`, moved to fd 3): without this every child would inherit the
 * thousands of sockets the parent accepted before forking it, and the host would hold millions of descriptors
 * instead of 10,000 connections.
 */
static int only_std_fds(int keep) {
    int first_free = 3;
    if (keep >= 0) {
        if (keep != 3 && dup2(keep, 3) < 0) die("dup2");
        first_free = 4;
    }
    if (syscall(SYS_close_range, first_free, ~0U, 0) != 0) die("close_range");
    return keep >= 0 ? 3 : -1;
}

static void raise_fd_limit(rlim_t want) {
    struct rlimit r = {want, want};
    if (setrlimit(RLIMIT_NOFILE, &r) != 0) die("setrlimit(RLIMIT_NOFILE) (run as root or raise ulimit -n)");
}

/* A child that opens `count` connections to the listener, reports through `ready_fd`, then waits. */
static void client(struct sockaddr_in *addr, int count, int ready_fd) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    for (int i = 0; i < count; i++) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        if (s < 0) die("socket");
        if (connect(s, (struct sockaddr *)addr, sizeof *addr) != 0) die("connect");
    }
    char ok = 1;
    if (write(ready_fd, &ok, 1) != 1) die("write");
    close(ready_fd);
    for (;;) pause();
}

static void idle(void) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    for (;;) pause();
}

int main(int argc, char **argv) {
    int processes = argc > 1 ? atoi(argv[1]) : 1000;
    int connections = argc > 2 ? atoi(argv[2]) : 10000;
    if (processes < 1 || connections < 0) { fprintf(stderr, "usage: hostload PROCESSES CONNECTIONS\n"); return 2; }
    int clients = (connections + PER_CLIENT - 1) / PER_CLIENT;
    if (clients > processes - 1) { fprintf(stderr, "need at least %d processes for %d connections\n", clients + 1, connections); return 2; }
    raise_fd_limit((rlim_t)connections + 1024);
    prctl(PR_SET_PDEATHSIG, SIGTERM);

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0) die("socket");
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK), .sin_port = 0};
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0) die("bind");
    if (listen(listener, 4096) != 0) die("listen");
    socklen_t len = sizeof addr;
    if (getsockname(listener, (struct sockaddr *)&addr, &len) != 0) die("getsockname");

    struct sigaction sa = {.sa_handler = on_signal};
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    int ready[2];
    if (pipe(ready) != 0) die("pipe");
    int accepted = 0;
    for (int c = 0; c < clients; c++) {
        int count = connections - c * PER_CLIENT < PER_CLIENT ? connections - c * PER_CLIENT : PER_CLIENT;
        pid_t pid = fork();
        if (pid < 0) die("fork");
        if (pid == 0) { int fd = only_std_fds(ready[1]); client(&addr, count, fd); }
        /* accept as we go so the backlog never overflows */
        for (int i = 0; i < count; i++) {
            if (accept(listener, NULL, NULL) < 0) die("accept");
            accepted++;
        }
    }
    close(ready[1]);
    for (int c = 0; c < clients; c++) {
        char ok;
        if (read(ready[0], &ok, 1) != 1) die("a client did not get its connections");
    }
    for (int p = clients + 1; p < processes; p++) {
        pid_t pid = fork();
        if (pid < 0) die("fork");
        if (pid == 0) { only_std_fds(-1); idle(); }
    }
    printf("ready %d processes %d connections %d\n", (int)getpid(), processes, accepted);
    fflush(stdout);
    while (!stop) pause();
    /* every child dies with us (PR_SET_PDEATHSIG) */
    return 0;
}

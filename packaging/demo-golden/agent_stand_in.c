/* A stand-in for vmeclone-agent, to prove the demo golden's boot path before the real agent
 * exists: it prints the fw_cfg identity, configures eth0 from it, reboots once per new
 * identity "instance" (as the real agent does) and then sends one UDP datagram to the
 * console. Build: musl-gcc -static -Os -s -o agent-stand-in agent_stand_in.c
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define IDENTITY "/sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw"
#define STATE "/var/lib/vmeclone/stand-in-instance"

static char identity[4096];

static int readFile(const char *path, char *buf, size_t size) {
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    size_t used = 0;
    ssize_t n;
    while (used + 1 < size && (n = read(fd, buf + used, size - 1 - used)) > 0)
        used += (size_t)n;
    close(fd);
    buf[used] = '\0';
    return (int)used;
}

/* Value of "key=" in the identity text, copied into out; empty when absent. */
static const char *value(const char *key, char *out, size_t size) {
    size_t keyLen = strlen(key);
    out[0] = '\0';
    for (const char *line = identity; line && *line;
         line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, key, keyLen) == 0 && line[keyLen] == '=') {
            const char *v = line + keyLen + 1;
            size_t len = strcspn(v, "\r\n");
            if (len >= size)
                len = size - 1;
            memcpy(out, v, len);
            out[len] = '\0';
            break;
        }
    }
    return out;
}

static int run(char *const argv[]) {
    pid_t pid = fork();
    if (pid == 0) {
        execv(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    if (readFile(IDENTITY, identity, sizeof identity) < 0) {
        printf("vmeclone-agent stand-in: no fw_cfg identity at %s: %s\n", IDENTITY,
               strerror(errno));
        return 1;
    }
    char flat[sizeof identity];
    strcpy(flat, identity);
    for (char *c = flat; *c; ++c)
        if (*c == '\n')
            *c = ' ';
    printf("vmeclone-agent stand-in: fw_cfg says: %s\n", flat);

    char ip[64], prefix[8], console[64], port[8], instance[128], applied[128] = "";
    value("ip", ip, sizeof ip);
    value("prefix", prefix, sizeof prefix);
    value("console", console, sizeof console);
    value("port", port, sizeof port);
    value("instance", instance, sizeof instance);
    if (!*ip || !*console || !*port) {
        printf("vmeclone-agent stand-in: the identity lacks ip, console or port\n");
        return 1;
    }

    /* Like the real agent: a new instance is applied, then the guest reboots once. */
    readFile(STATE, applied, sizeof applied);
    if (*instance && strcmp(applied, instance) != 0) {
        int fd = open(STATE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || write(fd, instance, strlen(instance)) < 0 || fsync(fd) < 0) {
            printf("vmeclone-agent stand-in: cannot write %s: %s\n", STATE, strerror(errno));
            return 1;
        }
        close(fd);
        printf("vmeclone-agent stand-in: applied instance %s, rebooting\n", instance);
        sync();
        reboot(RB_AUTOBOOT);
        printf("vmeclone-agent stand-in: reboot failed: %s\n", strerror(errno));
        return 1;
    }

    char cidr[80];
    snprintf(cidr, sizeof cidr, "%s/%s", ip, *prefix ? prefix : "24");
    char *addr[] = {"/sbin/ip", "addr", "add", cidr, "dev", "eth0", NULL};
    char *up[] = {"/sbin/ip", "link", "set", "eth0", "up", NULL};
    if (run(addr) != 0 || run(up) != 0) {
        printf("vmeclone-agent stand-in: cannot configure eth0 with %s\n", cidr);
        return 1;
    }

    struct sockaddr_in to = {0};
    to.sin_family = AF_INET;
    to.sin_port = htons((unsigned short)atoi(port));
    if (inet_pton(AF_INET, console, &to.sin_addr) != 1) {
        printf("vmeclone-agent stand-in: console %s is not an IPv4 address\n", console);
        return 1;
    }
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    char message[256];
    int len = snprintf(message, sizeof message, "vmeclone-agent stand-in online ip=%s instance=%s",
                       ip, instance);
    if (s < 0 || sendto(s, message, (size_t)len, 0, (struct sockaddr *)&to, sizeof to) != len) {
        printf("vmeclone-agent stand-in: cannot send to %s:%s: %s\n", console, port,
               strerror(errno));
        return 1;
    }
    printf("vmeclone-agent stand-in: sent \"%s\" to %s:%s\n", message, console, port);

    /* Stay up like a daemon, so the init script's status and stop have a process to see. */
    for (;;)
        pause();
}

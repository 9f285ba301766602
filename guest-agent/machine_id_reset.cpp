#include "machine_id_reset.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace vmeclone::agent {

bool MachineIdReset::randomId(std::string &id, std::string &error) {
    unsigned char bytes[16];
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::read(fd, bytes, sizeof bytes) != static_cast<ssize_t>(sizeof bytes)) {
        error = std::string("cannot read /dev/urandom: ") + std::strerror(errno);
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    static const char hex[] = "0123456789abcdef";
    id.clear();
    for (unsigned char b : bytes) {
        id += hex[b >> 4];
        id += hex[b & 15];
    }
    return true;
}

bool MachineIdReset::renew(const RootFs &fs, std::string &id, std::string &error) const {
    if (!randomId(id, error))
        return false;
    if (!fs.writeFileAtomic(kMachineId, id + "\n", error, kMode))
        return false;
    return !fs.isRegularFile(kDbusMachineId)
           || fs.writeFileAtomic(kDbusMachineId, id + "\n", error, kMode);
}

} // namespace vmeclone::agent

#pragma once
// The kernel command line: `vmeclone.ip=192.168.1.177 vmeclone.prefix=24 ...`, for
// guests booted with a kernel the host chooses (QEMU -append, a PXE entry).

#include "identity_channel.h"

namespace vmeclone::agent {

class KernelCmdlineChannel : public IdentityChannel {
public:
    static constexpr const char *kPath = "/proc/cmdline";

    const char *name() const override { return "cmdline"; }
    std::string source() const override { return kPath; }
    bool read(const RootFs &fs, const protocol::KeyValueText &config,
              protocol::KeyValueText &document, std::string &why,
              std::vector<std::string> &warnings) const override;
};

} // namespace vmeclone::agent

#pragma once
// QEMU's firmware config: `-fw_cfg name=opt/vmeclone/identity,file=...` appears in the
// guest (module qemu_fw_cfg) as a sysfs file holding the identity document.

#include "identity_channel.h"

namespace vmeclone::agent {

class FwCfgChannel : public IdentityChannel {
public:
    static constexpr const char *kPath =
        "/sys/firmware/qemu_fw_cfg/by_name/opt/vmeclone/identity/raw";

    const char *name() const override { return "fw_cfg"; }
    std::string source() const override { return kPath; }
    bool read(const RootFs &fs, const protocol::KeyValueText &config,
              protocol::KeyValueText &document, std::string &why,
              std::vector<std::string> &warnings) const override;
};

} // namespace vmeclone::agent

#include "identity_channel.h"

#include "fw_cfg_channel.h"
#include "guestinfo_channel.h"
#include "kernel_cmdline_channel.h"
#include "mac_channel.h"
#include "smbios_channel.h"

namespace vmeclone::agent {

std::vector<std::unique_ptr<IdentityChannel>>
defaultIdentityChannels(const SystemActions &actions) {
    // Data-carrying channels first (they can hold the key), the hypervisors' own before
    // the kernel command line; the MAC last (DESIGN §3).
    std::vector<std::unique_ptr<IdentityChannel>> channels;
    channels.push_back(std::make_unique<GuestinfoChannel>(actions));
    channels.push_back(std::make_unique<FwCfgChannel>());
    channels.push_back(std::make_unique<SmbiosChannel>());
    channels.push_back(std::make_unique<KernelCmdlineChannel>());
    channels.push_back(std::make_unique<MacChannel>());
    return channels;
}

} // namespace vmeclone::agent

#pragma once
// SMBIOS OEM strings (type 11): QEMU's `-smbios type=11,value=vmeclone.ip=192.168.1.177,
// value=vmeclone.prefix=24,...` puts one string per value into the firmware tables, which
// Linux shows as /sys/firmware/dmi/entries/11-<n>/raw. Strings of the form
// `vmeclone.<key>=<value>` make the identity document; others (a hypervisor's own OEM
// strings) are skipped.

#include "identity_channel.h"

namespace vmeclone::agent {

class SmbiosChannel : public IdentityChannel {
public:
    static constexpr const char *kEntriesDir = "/sys/firmware/dmi/entries";
    static constexpr unsigned char kOemStringsType = 11;

    const char *name() const override { return "smbios"; }
    std::string source() const override;
    bool read(const RootFs &fs, const protocol::KeyValueText &config,
              protocol::KeyValueText &document, std::string &why,
              std::vector<std::string> &warnings) const override;

    // The strings of one raw type-11 structure: a 4-byte header (type, length, handle),
    // the string count at offset 4, then the NUL-terminated strings after `length` bytes,
    // closed by an empty one. False with `error` when the bytes are not that.
    static bool parseOemStrings(const std::string &raw, std::vector<std::string> &strings,
                                std::string &error);

private:
    mutable std::string m_source;
};

} // namespace vmeclone::agent

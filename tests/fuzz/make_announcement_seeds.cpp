// Writes the seed datagrams of corpus/fuzz_announcement: valid announcements of every
// state, unsigned and signed with the key fuzz_announcement.cpp verifies against.
// Run once and check the files in: make_announcement_seeds tests/fuzz/corpus/fuzz_announcement

#include "protocol/announcement.h"

#include <cstdio>
#include <string>

using namespace vmeclone::protocol;

namespace {

Digest fixedKey() {
    Digest key{};
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<std::uint8_t>(0xA0 + i);
    return key;
}

bool write(const std::string &path, const std::vector<std::uint8_t> &bytes) {
    std::FILE *f = std::fopen(path.c_str(), "wb");
    if (!f)
        return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

} // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FOLDER\n", argv[0]);
        return 2;
    }
    const std::string folder = argv[1];
    const Digest key = fixedKey();

    Announcement a;
    a.ip = *parseIpv4("192.168.1.177");
    a.mac = macForIpv4(a.ip);
    a.hostname = "vm177";
    for (std::size_t i = 0; i < a.bootId.size(); ++i)
        a.bootId[i] = static_cast<std::uint8_t>(i * 7 + 1);
    a.sequence = 1;
    a.uptimeSeconds = 3;
    a.boots = 1;

    struct Seed {
        const char *name;
        AgentState state;
        std::string detail;
        bool sign;
    };
    const Seed seeds[] = {
        {"unsigned-booting", AgentState::Booting, "", false},
        {"signed-booting", AgentState::Booting, "", true},
        {"signed-configuring", AgentState::Configuring, "ifupdown: /etc/network/interfaces", true},
        {"signed-rebooting", AgentState::Rebooting, "new identity: reboot once", true},
        {"signed-online", AgentState::Online, "eth0 192.168.1.177/24", true},
        {"unsigned-online", AgentState::Online, "no key found: unsigned", false},
        {"signed-failed-utf8", AgentState::Failed,
         "\xe9\x85\x8d\xe7\xbd\xae\xe5\xa4\xb1\xe8\xb4\xa5: eth0 missing", true},
        {"signed-stopping", AgentState::Stopping, "", true},
        {"signed-long-detail", AgentState::Failed, std::string(200, 'x'), true},
    };
    int failures = 0;
    for (const Seed &s : seeds) {
        a.state = s.state;
        a.detail = s.detail;
        a.sequence += 1;
        if (!write(folder + "/" + s.name, encode(a, s.sign ? &key : nullptr))) {
            std::fprintf(stderr, "cannot write %s/%s\n", folder.c_str(), s.name);
            ++failures;
        }
    }
    a.hostname = std::string(63, 'h');
    a.state = AgentState::Online;
    a.detail.clear();
    failures += write(folder + "/signed-long-hostname", encode(a, &key)) ? 0 : 1;
    return failures == 0 ? 0 : 1;
}

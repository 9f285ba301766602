// vmeclone-agent: runs inside every clone (DESIGN §1 step 4). Plain C++17 on the shared
// protocol sources only, linked statically against musl so it starts on CentOS 6.

#include "agent.h"
#include "agent_log.h"
#include "agent_options.h"
#include "protocol/announcement.h"

#include <cstdio>

#ifndef VMECLONE_AGENT_VERSION
#define VMECLONE_AGENT_VERSION "0.0.0"
#endif

using namespace vmeclone;

namespace {

// The agent's half of the cross check (tests/unit/agent/tst_agent_cross_vectors and the
// literal in tests/unit/protocol/tst_announcement): the fixed announcement, signed with
// the key derived here from the fixed cluster secret, printed as hex.
int emitTestVector() {
    std::uint8_t secret[32];
    for (std::size_t i = 0; i < sizeof secret; ++i)
        secret[i] = static_cast<std::uint8_t>(i);
    protocol::Announcement a;
    a.state = protocol::AgentState::Online;
    a.ip = *protocol::parseIpv4("192.168.1.177");
    a.mac = protocol::macForIpv4(a.ip);
    a.hostname = "vm177";
    for (std::size_t i = 0; i < a.bootId.size(); ++i)
        a.bootId[i] = static_cast<std::uint8_t>(i);
    a.sequence = 7;
    a.uptimeSeconds = 42;
    a.boots = 2;
    a.detail = "test vector";
    const protocol::Digest key = protocol::vmKey(secret, sizeof secret, a.ip);
    const std::vector<std::uint8_t> datagram = protocol::encode(a, &key);
    std::printf("%s\n", protocol::toHex(datagram.data(), datagram.size()).c_str());
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    agent::AgentOptions options;
    std::string error;
    if (!agent::AgentOptions::parse(argc, argv, options, error)) {
        std::fprintf(stderr, "vmeclone-agent: %s\n", error.c_str());
        return 2;
    }
    if (options.help) {
        std::fputs(agent::AgentOptions::usage(), stdout);
        return 0;
    }
    if (options.version) {
        std::printf("vmeclone-agent %s\n", VMECLONE_AGENT_VERSION);
        return 0;
    }
    if (options.emitTestVector)
        return emitTestVector();

    agent::Agent agentInstance(options);
    return options.check ? agentInstance.check() : agentInstance.run();
}

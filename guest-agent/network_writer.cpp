#include "network_writer.h"

#include "ifupdown_writer.h"
#include "plain_ip_writer.h"

namespace vmeclone::agent {

std::vector<std::unique_ptr<NetworkWriter>> applicableNetworkWriters(const RootFs &fs) {
    std::vector<std::unique_ptr<NetworkWriter>> all;
    all.push_back(std::make_unique<IfupdownWriter>());
    all.push_back(std::make_unique<PlainIpWriter>());

    std::vector<std::unique_ptr<NetworkWriter>> applicable;
    for (auto &writer : all) {
        if (writer->appliesTo(fs))
            applicable.push_back(std::move(writer));
    }
    return applicable;
}

} // namespace vmeclone::agent

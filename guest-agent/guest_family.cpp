#include "guest_family.h"

#include "ifcfg_writer.h"
#include "ifupdown_writer.h"
#include "netplan_writer.h"
#include "network_manager_writer.h"
#include "networkd_writer.h"

namespace vmeclone::agent {

GuestFamily GuestFamily::detect(const RootFs &fs) {
    GuestFamily family;
    for (const char *path : kSystemd)
        family.m_systemd = family.m_systemd || fs.exists(path);
    family.m_debianLike = fs.exists(kDebianVersion);

    auto netplan = std::make_shared<NetplanWriter>();
    auto ifcfg = std::make_shared<IfcfgWriter>(!family.m_systemd);
    auto networkd = std::make_shared<NetworkdWriter>();
    auto networkManager = std::make_shared<NetworkManagerWriter>();
    auto ifupdown = std::make_shared<IfupdownWriter>();
    if (netplan->appliesTo(fs)) {
        family.m_writer = netplan;
    } else if (ifcfg->appliesTo(fs)) {
        family.m_writer = ifcfg;
        family.m_rhel6 = !family.m_systemd;
    } else if (networkd->appliesTo(fs)) {
        family.m_writer = networkd;
    } else if (networkManager->appliesTo(fs)
               && !(ifupdown->appliesTo(fs) && IfupdownWriter::configuresAnInterface(fs))) {
        family.m_writer = networkManager;
    } else if (ifupdown->appliesTo(fs)) {
        family.m_writer = ifupdown;
    }
    return family;
}

std::string GuestFamily::name() const {
    if (!m_writer)
        return "plain-ip";
    std::string text = m_writer->name();
    if (m_rhel6)
        text += " (RHEL 6)";
    return text;
}

} // namespace vmeclone::agent

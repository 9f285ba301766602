#include "guest_configuration.h"

#include "cloud_init_guard.h"
#include "hostname_writer.h"
#include "machine_id_reset.h"
#include "plain_ip_writer.h"
#include "resolv_conf_writer.h"

namespace vmeclone::agent {

GuestConfiguration::GuestConfiguration(const RootFs &fs, GuestFamily family, std::string hostname,
                                       const NetworkSettings &live, std::vector<NetInterface> nics)
    : m_fs(fs)
    , m_family(std::move(family))
    , m_hostname(std::move(hostname))
    , m_settings(live)
    , m_nics(std::move(nics))
    , m_rules(PersistentNetRules::load(fs)) {
    m_settings.interfaceName = m_rules.nameAfterRemoval(live.interfaceName, m_nics);
    for (NetworkSettings &nic : m_settings.further)
        nic.interfaceName = m_rules.nameAfterRemoval(nic.interfaceName, m_nics);
}

std::vector<std::string> GuestConfiguration::steps() const {
    std::vector<std::string> steps = {"hostname"};
    if (m_family.writer())
        steps.push_back(m_family.writer()->name());
    steps.push_back(PlainIpWriter().name());
    if (ResolvConfWriter::appliesTo(m_fs, m_settings))
        steps.push_back("resolv.conf");
    if (m_family.systemd() && !m_machineIdRenewed)
        steps.push_back("machine-id");
    if (CloudInitGuard::appliesTo(m_fs))
        steps.push_back("cloud-init");
    if (m_rules.needsRemoval(m_nics))
        steps.push_back("udev-rules");
    return steps;
}

std::string GuestConfiguration::stepList() const {
    std::string text;
    for (const std::string &step : steps())
        text += (text.empty() ? "" : ", ") + step;
    return text;
}

std::string GuestConfiguration::rebootReason() const {
    if (!m_rules.needsRemoval(m_nics))
        return {};
    return std::string(PersistentNetRules::kPath) + " pinned " + m_rules.describeStale(m_nics)
           + "; the NIC is " + m_settings.interfaceName + " again only after a reboot";
}

std::vector<std::vector<std::string>> GuestConfiguration::liveCommands() const {
    return m_family.writer() ? m_family.writer()->liveCommands(m_fs, m_settings)
                             : std::vector<std::vector<std::string>>{};
}

bool GuestConfiguration::write(std::string &error) const {
    const auto failed = [&](const std::string &step) {
        error = step + ": " + error;
        return false;
    };
    if (!HostnameWriter(m_family.rhel6(), m_family.debianLike()).write(m_fs, m_hostname, error))
        return failed("hostname");
    if (const NetworkWriter *writer = m_family.writer();
        writer && !writer->write(m_fs, m_settings, error))
        return failed(writer->name());
    const PlainIpWriter plainIp;
    if (!plainIp.write(m_fs, m_settings, error))
        return failed(plainIp.name());
    if (ResolvConfWriter::appliesTo(m_fs, m_settings)
        && !ResolvConfWriter().write(m_fs, m_settings, error))
        return failed("resolv.conf");
    std::string machineId;
    if (m_family.systemd() && !m_machineIdRenewed
        && !MachineIdReset().renew(m_fs, machineId, error))
        return failed("machine-id");
    if (CloudInitGuard::appliesTo(m_fs) && !CloudInitGuard().write(m_fs, error))
        return failed("cloud-init");
    // Last: until the configuration is written, the golden's names still describe the guest.
    if (m_rules.needsRemoval(m_nics) && !m_rules.remove(m_fs, error))
        return failed("udev-rules");
    return true;
}

} // namespace vmeclone::agent

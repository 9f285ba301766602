#include "device_streams.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace vmeclone {

DeviceStreams::Ticket::Ticket(Ticket &&other) noexcept
    : m_owner(std::exchange(other.m_owner, nullptr))
    , m_device(std::move(other.m_device)) {}

DeviceStreams::Ticket &DeviceStreams::Ticket::operator=(Ticket &&other) noexcept {
    if (this != &other) {
        if (m_owner)
            m_owner->release(m_device);
        m_owner = std::exchange(other.m_owner, nullptr);
        m_device = std::move(other.m_device);
    }
    return *this;
}

DeviceStreams::Ticket::~Ticket() {
    if (m_owner)
        m_owner->release(m_device);
}

DeviceStreams::Ticket DeviceStreams::acquire(const QString &device,
                                             const std::atomic_bool *cancel) {
    if (device.isEmpty())
        return {};
    std::unique_lock lock(m_mutex);
    while (m_busy.contains(device)) {
        if (cancel && cancel->load())
            return {};
        // A cancel sets a flag and wakes no one: look at it again every 100 ms.
        m_freed.wait_for(lock, std::chrono::milliseconds(100));
    }
    if (cancel && cancel->load())
        return {};
    m_busy.insert(device);
    return Ticket(this, device);
}

DeviceStreams::Ticket DeviceStreams::tryAcquire(const QString &device) {
    if (device.isEmpty())
        return {};
    const std::lock_guard lock(m_mutex);
    if (m_busy.contains(device))
        return {};
    m_busy.insert(device);
    return Ticket(this, device);
}

void DeviceStreams::release(const QString &device) {
    {
        const std::lock_guard lock(m_mutex);
        m_busy.remove(device);
    }
    m_freed.notify_all();
}

QString DeviceStreams::physicalDevice(const QString &deviceId, const QString &sysfsRoot) {
    // /sys/dev/block/MAJ:MIN links to the block device; a partition's folder holds a
    // "partition" file and sits inside its disk's folder, whose "dev" names the disk.
    const QString link = sysfsRoot + QStringLiteral("/dev/block/") + deviceId;
    const QString node = QFileInfo(link).canonicalFilePath();
    if (deviceId.isEmpty() || node.isEmpty()
        || !QFileInfo::exists(node + QStringLiteral("/partition")))
        return deviceId;
    QFile parentDev(QFileInfo(node).path() + QStringLiteral("/dev"));
    if (!parentDev.open(QIODevice::ReadOnly))
        return deviceId;
    const QString disk = QString::fromLatin1(parentDev.readAll()).trimmed();
    return disk.isEmpty() ? deviceId : disk;
}

} // namespace vmeclone

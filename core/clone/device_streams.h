#pragma once
// One copy stream per physical device. Full clones read and write whole disks; two of
// them on one drive make its head (or its queue) seek between them, and neither gets
// faster. The engine takes a device's stream before a full copy starts and holds it
// until the copy is done; copies onto different drives run side by side.

#include <QSet>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <utility>

namespace vmeclone {

class DeviceStreams {
public:
    // The stream of one device, held until destroyed (or moved from).
    class Ticket {
    public:
        Ticket() = default;
        Ticket(Ticket &&other) noexcept;
        Ticket &operator=(Ticket &&other) noexcept;
        Ticket(const Ticket &) = delete;
        Ticket &operator=(const Ticket &) = delete;
        ~Ticket();
        bool held() const { return m_owner != nullptr; }

    private:
        friend class DeviceStreams;
        Ticket(DeviceStreams *owner, QString device)
            : m_owner(owner)
            , m_device(std::move(device)) {}
        DeviceStreams *m_owner = nullptr;
        QString m_device;
    };

    // Waits until `device`'s stream is free and takes it; returns a ticket that holds
    // nothing when `cancel` was set meanwhile. An empty device name never waits.
    Ticket acquire(const QString &device, const std::atomic_bool *cancel = nullptr);
    // Takes the stream only when it is free now.
    Ticket tryAcquire(const QString &device);

    // The whole disk a filesystem lives on, from its st_dev ("major:minor"): a partition
    // (sda2, nvme0n1p3) maps to its disk (sda, nvme0n1) through sysfs; anything else
    // (a whole disk, a RAM or network filesystem, another OS) is its own device.
    static QString physicalDevice(const QString &deviceId,
                                  const QString &sysfsRoot = QStringLiteral("/sys"));

private:
    void release(const QString &device);

    // std:: rather than QMutex/QWaitCondition: ThreadSanitizer sees pthread's condition
    // wait release the mutex, but not Qt's (libQt6Core is not instrumented).
    std::mutex m_mutex;
    std::condition_variable m_freed;
    QSet<QString> m_busy; // devices whose stream is taken
};

} // namespace vmeclone

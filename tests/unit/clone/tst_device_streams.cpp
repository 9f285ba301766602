// DeviceStreams: one copy stream per device, waiters served when it is freed, a cancel
// ends a wait, and partitions map to their disk through a sysfs tree made by the test.

#include "clone/device_streams.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestDeviceStreams : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneStreamPerDevice() {
        DeviceStreams streams;
        DeviceStreams::Ticket a = streams.acquire(u"8:0"_s);
        QVERIFY(a.held());
        QVERIFY(!streams.tryAcquire(u"8:0"_s).held());
        QVERIFY(streams.tryAcquire(u"259:0"_s).held()); // another drive copies meanwhile
        a = {};
        QVERIFY(streams.tryAcquire(u"8:0"_s).held());
    }

    void aWaiterGetsTheStreamOnlyWhenItIsFreed() {
        DeviceStreams streams;
        auto first = std::make_unique<DeviceStreams::Ticket>(streams.acquire(u"8:0"_s));
        std::atomic_bool firstHeld = true;
        std::atomic_bool gotIt = false;
        std::atomic_bool heldWhenGot = true;
        std::unique_ptr<QThread> waiter(QThread::create([&] {
            DeviceStreams::Ticket t = streams.acquire(u"8:0"_s);
            heldWhenGot = firstHeld.load();
            gotIt = t.held();
        }));
        waiter->start();
        QVERIFY(!gotIt.load());
        firstHeld = false;
        first.reset();
        QVERIFY(waiter->wait(10000));
        QVERIFY(gotIt.load());
        QVERIFY(!heldWhenGot.load());
    }

    void aCancelEndsTheWait() {
        DeviceStreams streams;
        const DeviceStreams::Ticket held = streams.acquire(u"8:0"_s);
        std::atomic_bool cancel = false;
        std::atomic_bool returned = false;
        std::atomic_bool gotIt = true;
        std::unique_ptr<QThread> waiter(QThread::create([&] {
            gotIt = streams.acquire(u"8:0"_s, &cancel).held();
            returned = true;
        }));
        waiter->start();
        cancel = true;
        QVERIFY(waiter->wait(10000));
        QVERIFY(returned.load());
        QVERIFY(!gotIt.load());
        QVERIFY(held.held());
    }

    void anUnknownDeviceNeverWaits() {
        DeviceStreams streams;
        QVERIFY(!streams.acquire(QString()).held());
        QVERIFY(!streams.acquire(QString()).held());
    }

    void partitionsMapToTheirDisk() {
        // /sys/dev/block/MAJ:MIN -> ../../devices/.../DISK[/PARTITION], as the kernel lays it out.
        QTemporaryDir sys;
        QVERIFY(sys.isValid());
        const QString disk = sys.filePath(u"devices/pci0000:00/virtio1/block/vda"_s);
        const QString part = disk + u"/vda2"_s;
        QVERIFY(QDir().mkpath(part));
        QVERIFY(QDir().mkpath(sys.filePath(u"dev/block"_s)));
        auto write = [](const QString &path, const QByteArray &text) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
        };
        QVERIFY(write(disk + u"/dev"_s, "254:0\n"));
        QVERIFY(write(part + u"/dev"_s, "254:2\n"));
        QVERIFY(write(part + u"/partition"_s, "2\n"));
        QVERIFY(QFile::link(u"../../devices/pci0000:00/virtio1/block/vda/vda2"_s,
                            sys.filePath(u"dev/block/254:2"_s)));
        QVERIFY(QFile::link(u"../../devices/pci0000:00/virtio1/block/vda"_s,
                            sys.filePath(u"dev/block/254:0"_s)));

        QCOMPARE(DeviceStreams::physicalDevice(u"254:2"_s, sys.path()), u"254:0"_s);
        QCOMPARE(DeviceStreams::physicalDevice(u"254:0"_s, sys.path()), u"254:0"_s);
        // Not a block device (tmpfs, NFS): its own stream.
        QCOMPARE(DeviceStreams::physicalDevice(u"0:53"_s, sys.path()), u"0:53"_s);
    }
};

QTEST_GUILESS_MAIN(TestDeviceStreams)
#include "tst_device_streams.moc"

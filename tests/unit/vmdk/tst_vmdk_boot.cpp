// A linked chain made by VmdkCloner boots a real guest: the demo golden is converted to
// a monolithicSparse VMDK (qemu-img, test setup only), vmeclone links vm177-base to it and
// vm177 to that (a split child), and QEMU boots the demo guest from vm177. The guest's
// agent reads its identity from fw_cfg and announces itself online, signed with its key;
// afterwards the golden and the middle link are byte for byte what they were.
//
// Must run in a network namespace of its own (CTest starts it under unshare --net):
// QEMU's user networking would otherwise forward a guest's stray packets off this host.

#include "support/own_network.h"
#include "support/ci_skip.h"
#include "protocol/addressing.h"
#include "protocol/announcement.h"
#include "vmdk/vmdk_cloner.h"
#include "vmdk/vmdk_descriptor.h"
#include "vmdk_test_support.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QProcess>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;
using namespace vmeclone::test;

class TestVmdkBoot : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{u"/tmp/vme-vmdk-boot-XXXXXX"_s};
    QJsonObject m_machine;
    QString m_goldenDir;
    QProcess m_qemu;

    QString path(const QString &rel) const { return m_dir.filePath(rel); }
    QString demo(const QString &key) const {
        return QDir(m_goldenDir).filePath(m_machine.value(key).toString());
    }

private Q_SLOTS:
    void initTestCase() {
        VMECLONE_REQUIRE_OWN_NETWORK();
        if (!haveTools() || QStandardPaths::findExecutable(u"qemu-system-x86_64"_s).isEmpty())
            VMECLONE_SKIP_UNLESS_CI("qemu-utils or qemu-system-x86 is not installed");
        QVERIFY(m_dir.isValid());
        const QString json = QStringLiteral(VMECLONE_DEMO_GOLDEN);
        QFile file(json);
        QVERIFY2(file.open(QIODevice::ReadOnly),
                 qPrintable(json + u": build it with --target demo-golden"_s));
        m_machine = QJsonDocument::fromJson(file.readAll()).object();
        m_goldenDir = QFileInfo(json).absolutePath();
        for (const auto &key : {u"kernel"_s, u"initrd"_s, u"disk"_s})
            QVERIFY2(QFileInfo(demo(key)).isFile(), qPrintable(demo(key)));
    }

    void cleanupTestCase() {
        if (m_qemu.state() != QProcess::NotRunning) {
            m_qemu.kill();
            m_qemu.waitForFinished(10000);
        }
    }

    void linkedChainBootsTheDemoGuest() {
        // The golden as a VMware user would have it: one monolithicSparse file.
        QVERIFY(QDir().mkpath(path(u"golden"_s)));
        QVERIFY(QDir().mkpath(path(u"shard-a"_s)));
        QVERIFY(QDir().mkpath(path(u"shard-b"_s)));
        const QString golden = path(u"golden/vmeclone-demo.vmdk"_s);
        auto r = tool(u"qemu-img"_s,
                      {u"convert"_s, u"-q"_s, u"-f"_s, m_machine.value(u"disk_format"_s).toString(),
                       u"-O"_s, u"vmdk"_s, u"-o"_s, u"subformat=monolithicSparse"_s,
                       demo(u"disk"_s), golden});
        QVERIFY2(r.ok, qPrintable(r.output));
        const auto goldenBefore = fingerprint(path(u"golden"_s));

        const auto base = VmdkCloner::linkedClone(golden, path(u"shard-a"_s), u"vm177-base"_s);
        QVERIFY_OK(base);
        const auto top = VmdkCloner::linkedClone(base->descriptorPath, path(u"shard-b"_s),
                                                 u"vm177"_s, VmdkCloner::LinkedLayout::Split);
        QVERIFY_OK(top);
        const auto baseBefore = fingerprint(path(u"shard-a"_s));
        const auto links = VmdkCloner::chain(top->descriptorPath);
        QVERIFY_OK(links);
        QCOMPARE(links->size(), 3);

        // The identity the engine would hand 192.168.1.177, with a key from our secret.
        const std::uint32_t ip = *protocol::parseIpv4("192.168.1.177");
        const QByteArray secret = QByteArrayLiteral("vmdk boot test cluster secret");
        const protocol::Digest key = protocol::vmKey(
            reinterpret_cast<const std::uint8_t *>(secret.constData()), size_t(secret.size()), ip);
        const QString mac = QString::fromStdString(protocol::formatMac(protocol::macForIpv4(ip)));
        QUdpSocket listener;
        QVERIFY(listener.bind(QHostAddress::LocalHost, 0));
        const QString identity =
            u"version=1\ninstance=vmdk-boot-%1\nip=192.168.1.177\nprefix=24\n"
            "hostname=vm177\nmac=%2\nconsole=192.168.1.2\nport=%3\n"
            "heartbeat=2\nkey=%4\n"_s.arg(QCoreApplication::applicationPid())
                .arg(mac)
                .arg(listener.localPort())
                .arg(QString::fromStdString(protocol::toHex(key.data(), key.size())));
        QFile identityFile(path(u"identity"_s));
        QVERIFY(identityFile.open(QIODevice::WriteOnly));
        identityFile.write(identity.toUtf8());
        identityFile.close();

        int verifiedOnline = 0;
        int rejected = 0;
        QString detail;
        connect(&listener, &QUdpSocket::readyRead, this, [&] {
            while (listener.hasPendingDatagrams()) {
                const QByteArray d = listener.receiveDatagram().data();
                const auto *bytes = reinterpret_cast<const std::uint8_t *>(d.constData());
                const protocol::Decoded decoded = protocol::decode(bytes, size_t(d.size()));
                if (decoded.error != protocol::DecodeError::None || !decoded.isSigned
                    || !protocol::verify(bytes, decoded, key) || decoded.announcement.ip != ip) {
                    ++rejected;
                    continue;
                }
                if (decoded.announcement.state == protocol::AgentState::Online) {
                    ++verifiedOnline;
                    detail = QString::fromStdString(decoded.announcement.detail);
                }
            }
        });

        const QString serial = path(u"serial.log"_s);
        m_qemu.setProcessChannelMode(QProcess::MergedChannels);
        m_qemu.start(u"qemu-system-x86_64"_s,
                     {u"-machine"_s, u"pc"_s,
                      u"-accel"_s,   u"tcg"_s,
                      u"-m"_s,       QString::number(m_machine.value(u"memory_mb"_s).toInt()),
                      u"-smp"_s,     u"1"_s,
                      u"-display"_s, u"none"_s,
                      u"-monitor"_s, u"none"_s,
                      u"-serial"_s,  u"file:"_s + serial,
                      u"-kernel"_s,  demo(u"kernel"_s),
                      u"-initrd"_s,  demo(u"initrd"_s),
                      u"-append"_s,  m_machine.value(u"cmdline"_s).toString(),
                      u"-drive"_s,   u"file=%1,format=vmdk,if=virtio"_s.arg(top->descriptorPath),
                      u"-netdev"_s,  u"user,id=n0,net=192.168.1.0/24,host=192.168.1.2"_s,
                      u"-device"_s,  u"virtio-net-pci,netdev=n0,mac="_s + mac,
                      u"-fw_cfg"_s,  u"name=opt/vmeclone/identity,file="_s + path(u"identity"_s)});
        QVERIFY2(m_qemu.waitForStarted(), qPrintable(m_qemu.errorString()));

        auto serialTail = [&] {
            QFile f(serial);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(3000))
                                               : QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(verifiedOnline > 0 || m_qemu.state() == QProcess::NotRunning,
                                 400000);
        QVERIFY2(verifiedOnline > 0,
                 qPrintable(QString::fromLocal8Bit(m_qemu.readAll()) + serialTail()));
        QCOMPARE(rejected, 0);
        qInfo("online: %s", qPrintable(detail));
        QVERIFY2(detail.contains(u"192.168.1.177/24"_s), qPrintable(detail));

        m_qemu.kill();
        QVERIFY(m_qemu.waitForFinished(30000));

        // The guest wrote only into the top of the chain.
        QCOMPARE(fingerprint(path(u"golden"_s)), goldenBefore);
        QCOMPARE(fingerprint(path(u"shard-a"_s)), baseBefore);
        r = check(top->descriptorPath);
        QVERIFY2(r.ok, qPrintable(r.output));
        r = compare(golden, top->descriptorPath);
        QVERIFY2(!r.ok, "the guest's writes must be in the clone");
        QVERIFY_OK(VmdkCloner::chain(top->descriptorPath));
    }
};

QTEST_GUILESS_MAIN(TestVmdkBoot)
#include "tst_vmdk_boot.moc"

// KVM is detected by a real boot, not by /dev/kvm (guests hang under it on these
// machines). The probe boots a 512-byte boot sector that prints a marker on COM1:
// under TCG it must print it (so a KVM "no" means KVM failed, not the probe), and an
// accelerator QEMU refuses gives "no".

#include "support/ci_skip.h"
#include "hypervisor/qemu_backend.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestQemuAccelProbe : public QObject {
    Q_OBJECT

private:
    QString m_qemu;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        m_qemu = QStandardPaths::findExecutable(u"qemu-system-x86_64"_s);
        if (m_qemu.isEmpty())
            VMECLONE_SKIP_UNLESS_CI("qemu-system-x86_64 is not installed");
        QVERIFY(m_dir.isValid());
    }

    void bootSectorRunsUnderTcg() {
        QVERIFY(QemuBackend::acceleratorBoots(m_qemu, u"tcg"_s, m_dir.path(), 60000));
    }

    void refusedAcceleratorIsNo() {
        QVERIFY(!QemuBackend::acceleratorBoots(m_qemu, u"no-such-accel"_s, m_dir.path()));
    }

    void missingQemuIsNo() {
        QVERIFY(!QemuBackend::acceleratorBoots(QString(), u"tcg"_s, m_dir.path()));
    }
};

QTEST_GUILESS_MAIN(TestQemuAccelProbe)
#include "tst_qemu_accel_probe.moc"

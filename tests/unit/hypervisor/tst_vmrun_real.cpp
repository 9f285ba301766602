// Vmrun against a real VMware vmrun, on a host that has one on the PATH: its list
// output parses as the contract double's does. Skipped, saying so, elsewhere (VMware
// cannot be installed on the build machines; tst_vmrun covers the rest with the double).

#include "hypervisor/vmrun.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vmeclone;

class TestVmrunReal : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void playerListParses() {
        const QString vmrun = QStandardPaths::findExecutable(u"vmrun"_s);
        if (vmrun.isEmpty())
            QSKIP("no vmrun on the PATH: this test needs VMware Player or Workstation (with vmrun) "
                  "installed");
        auto v = Vmrun::create(VmrunConfig{vmrun, u"player"_s, 60s});
        QVERIFY2(v, qPrintable(v.error()));
        auto listed = v->list();
        QVERIFY2(listed, qPrintable(listed.error()));
        for (const QString &vmx : *listed)
            QVERIFY2(vmx.endsWith(u".vmx"_s, Qt::CaseInsensitive), qPrintable(vmx));
        qInfo("vmrun -T player list: %lld running", static_cast<long long>(listed->size()));
    }
};

QTEST_GUILESS_MAIN(TestVmrunReal)
#include "tst_vmrun_real.moc"

// Chinese complete on a machine set up by the README (issue 14, item 4): Qt's own texts
// (Cancel, Show Details…, the file dialog) come from qt6-translations-l10n, and the glyphs
// from a CJK font (fonts-wqy-microhei); both are in packaging/debian-packages.txt, and
// this test fails, not skips, when either is missing. The inventory report speaks the
// console's language too: its PDF, read back by poppler's pdftotext, says its headings,
// states and page numbers in Chinese.

#include "cluster/ssh_transport.h"
#include "common/event_text.h"
#include "common/failure_text.h"
#include "common/logging.h"
#include "common/translations.h"
#include "host_feed.h"
#include "hypervisor/qemu_backend.h"
#include "inventory/inventory.h"
#include "inventory/liveness.h"
#include "listener/announcement_listener.h"
#include "log_pane.h"
#include "report/inventory_report.h"
#include "vm_change_queue.h"
#include "vm_table_model.h"

#include <QApplication>
#include <QDir>
#include <QFontDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Translations::install(u"zh_CN"_s); }

    void qtsOwnTextsAreChinese() {
        // Our own, and Qt's own buttons of QMessageBox and QDialogButtonBox.
        QCOMPARE(QCoreApplication::translate("vmeclone::MainWindow", "vmeclone console"),
                 u"vmeclone 控制台"_s);
        const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
        QVERIFY2(cancel != u"Cancel"_s, "Qt's own texts are English: install qt6-translations-l10n "
                                        "(packaging/debian-packages.txt)");
        QCOMPARE(cancel, u"取消"_s);
    }

    void aFontHasTheChineseGlyphs() {
        const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        QVERIFY2(!families.isEmpty(),
                 "no font writes Simplified Chinese: every glyph would be a box; install "
                 "fonts-wqy-microhei (packaging/debian-packages.txt)");
    }

    // Core's events carry a code and arguments beside their English sentence: stored and
    // read back whole, they are said in Chinese here and in English to the CLI (message).
    void eventsAreSaidInTheConsolesLanguage() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto opened = Inventory::open(dir.filePath(u"inventory.sqlite"_s));
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        Inventory &inventory = **opened;
        QVERIFY(inventory.addEvent(u"info"_s, u"vm177"_s, EventText::make(u"released"_s, {})));
        QVERIFY(inventory.addEvent(u"info"_s, u"vm177"_s,
                                   EventText::make(u"state"_s, {u"online"_s, u"eth0 up"_s, {}})));
        QVERIFY(inventory.addEvent(
            u"warning"_s, u"vm177"_s,
            EventText::make(u"rejected"_s, {u"bad-signature"_s, u"127.0.0.1:4000"_s})));
        QVERIFY(inventory.addEvent(
            u"info"_s, {},
            EventText::make(u"batch"_s, {u"clone"_s, u"4"_s, u"4"_s, u"0"_s, u"cancelled"_s})));
        QVERIFY(inventory.addEvent(u"info"_s, {}, u"an old event, English only"_s));
        const auto events = inventory.events();
        QVERIFY2(events.ok(), qPrintable(events.error()));
        QCOMPARE(events->size(), 5);
        QStringList english, chinese;
        for (const EventRecord &e : *events) {
            english << e.message;
            chinese << eventText(e.code, e.args, e.message);
        }
        QCOMPARE(english,
                 (QStringList{u"released: files deleted, address free"_s, u"online: eth0 up"_s,
                              u"announcement rejected: bad signature: not signed with this VM's "
                              u"key (another VM's guest, a stale clone of it, or a forgery) "
                              u"(from 127.0.0.1:4000)"_s,
                              u"clone of 4 VMs: 4 done, 0 failed (cancelled)"_s,
                              u"an old event, English only"_s}));
        QCOMPARE(
            chinese,
            (QStringList{u"已释放：文件已删除，地址已空出"_s,
                         QCoreApplication::translate("vmeclone::VmStateStyle", "online")
                             + u": eth0 up"_s,
                         u"已拒绝报告：签名错误：不是用此虚拟机的密钥签名的（另一台虚拟机的客户"
                         u"机、它的过期克隆，或伪造）（来自 127.0.0.1:4000）"_s,
                         u"克隆 4 台虚拟机：4 台完成，0 台失败（已取消）"_s,
                         u"an old event, English only"_s}));
        QVERIFY(chinese[1] != u"online: eth0 up"_s); // the state is said in Chinese too
    }

    // Every code core's events use is said in Chinese: each one made with arguments of its
    // kind is known (an English sentence) and reads differently, with Chinese, in the
    // console. A code added without its translation fails here.
    void everyEventCodeIsSaidInChinese() {
        const QMap<QString, QStringList> args{
            {u"state"_s, {u"online"_s, {}, {}}},
            {u"rejected"_s, {u"replayed"_s, u"127.0.0.1:4000"_s}},
            {u"batch"_s, {u"released"_s, u"4"_s, u"3"_s, u"1"_s, {}}},
            {u"console-address"_s, {u"demo"_s, u"192.0.2.9"_s, {}}},
            {u"recovered"_s, {u"marked configured"_s, u"no QEMU runs for it"_s}},
        };
        const QStringList codes = EventText::codes();
        QVERIFY(codes.size() >= 24);
        for (const QString &code : codes) {
            const QStringList given =
                args.value(code, {u"vm177"_s, u"/srv/shard"_s, u"3"_s, u"x"_s, u"y"_s});
            const EventText made = EventText::make(code, given);
            QVERIFY2(!made.english.isEmpty(), qPrintable(code + u": no English sentence"_s));
            const QString chinese = eventText(code, given, made.english);
            QVERIFY2(chinese != made.english,
                     qPrintable(code + u": not translated: "_s + made.english));
            bool cjk = false;
            for (const QChar c : chinese)
                cjk = cjk || (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff);
            QVERIFY2(cjk, qPrintable(code + u": no Chinese in "_s + chinese));
        }
        // The words recovery and the console address fill in are Chinese too.
        QVERIFY(!eventText(u"recovered"_s, args[u"recovered"_s], {}).contains(u"marked"_s));
        QVERIFY(
            !eventText(u"console-address"_s, args[u"console-address"_s], {}).contains(u"none"_s));
        QCOMPARE(EventText::make(u"console-address"_s, args[u"console-address"_s]).english,
                 u"golden image demo: console address 192.0.2.9 (was none)"_s);
    }

    // The Detail column: core's own reasons in Chinese (the one liveness and the listener
    // give an unreachable VM, recovery's prefix), the agent's and a backend's as they came.
    void reasonsAreSaidInTheConsolesLanguage() {
        QCOMPARE(EventText::noHeartbeat(42), u"no heartbeat for 42 s"_s);
        QCOMPARE(reasonText(EventText::noHeartbeat(42)), u"已 42 秒没有心跳"_s);
        QCOMPARE(reasonText(u"recovery: QEMU exited"_s), u"恢复：QEMU exited"_s);
        QCOMPARE(reasonText(u"eth0 192.0.2.77/24"_s), u"eth0 192.0.2.77/24"_s);
        QCOMPARE(reasonText(u"no heartbeat for a while"_s), u"no heartbeat for a while"_s);
        QCOMPARE(reasonText({}), QString());
        VmRecord vm;
        vm.state = VmState::Online;
        vm.lastSeen = QDateTime::currentDateTime().addSecs(-30);
        judgeLiveness(vm, QDateTime::currentDateTime(), 10000);
        QCOMPARE(vm.state, VmState::Unreachable);
        QVERIFY2(reasonText(vm.reason).startsWith(u"已 3"_s), qPrintable(vm.reason));
        // The table's Detail column shows it, sorts by it and its tooltip says it in Chinese.
        VmTableModel model;
        VmRow row;
        row.id = 1;
        row.name = u"vm10"_s;
        row.address = *Ipv4Address::parse(u"192.0.2.10"_s);
        row.state = VmState::Unreachable;
        row.reason = EventText::noHeartbeat(42);
        model.queue()->push(VmChange::upsert(row));
        model.drain();
        const QModelIndex detail = model.index(0, VmTableModel::DetailColumn);
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(VmTableModel::SortRole)})
            QCOMPARE(detail.data(role).toString(), u"已 42 秒没有心跳"_s);
        QCOMPARE(model.index(0, VmTableModel::StateColumn).data(Qt::ToolTipRole).toString(),
                 u"已 42 秒没有心跳"_s);
    }

    // Core's failure sentences (failure_text.h) reach the operator in the console's
    // language, as the backend made them and as the inventory keeps them (English): the
    // real QEMU backend, asked to start a VM whose folder has no machine description.
    void coreFailuresAreSaidInTheConsolesLanguage() {
        QTemporaryDir dir;
        VmRecord vm;
        vm.name = u"vm177"_s;
        vm.folder = dir.filePath(u"vm177"_s);
        QVERIFY(QDir().mkpath(vm.folder));
        QemuBackend backend({});
        const auto started = backend.start(vm, GoldenRecord{});
        QVERIFY(!started);
        const QString english = started.error();
        const QString path = QemuBackend::machineFile(vm.folder);
        QVERIFY2(english.startsWith(u"cannot read the machine description "_s + path + u": "_s),
                 qPrintable(english));
        const QString osError = english.mid(english.indexOf(path) + path.size() + 2);
        // The sentence in Chinese, the path and the system's own words as they came.
        const QString said = failureText(english);
        QCOMPARE(said, u"无法读取机器描述 %1：%2"_s.arg(path, osError));
        // The same where the console shows it: the Detail column and the VM's events.
        QCOMPARE(reasonText(english), said);
        QCOMPARE(reasonText(EventText::recoveryFailed(english)), u"恢复："_s + said);
        const EventText failed = EventText::make(u"clone-failed"_s, {english});
        QCOMPARE(eventText(failed.code, failed.args, failed.english),
                 u"克隆失败，已回滚："_s + said);
        QCOMPARE(eventText({}, {}, english), said); // an event core wrote as the failure said it
        // Nested: each argument that is a sentence of core's is said too, in its place.
        const QString nested = u"%1 could not resume from its template: %2"_s.arg(vm.name, english);
        QCOMPARE(failureText(nested), u"%1 无法从其模板恢复运行：%2"_s.arg(vm.name, said));
        // A step's or a state's word in a sentence is said in its place too.
        QCOMPARE(failureText(u"cancelled: not started"_s), u"已取消：未 启动"_s);
        QCOMPARE(failureText(u"vm9 is online now (another actor changed it since it was read): "
                             u"not released"_s),
                 u"vm9 现在为 在线（读取后已被其他操作方更改）：未执行 释放"_s);
        // Text of no sentence of core's stays as it came (a tool's stderr, an agent's words).
        QCOMPARE(failureText(u"qemu-system-x86_64: -drive: Could not open 'x'"_s),
                 u"qemu-system-x86_64: -drive: Could not open 'x'"_s);
        QCOMPARE(failureText(u"eth0 192.0.2.77/24"_s), u"eth0 192.0.2.77/24"_s);
        // Every sentence this program registered has its Chinese.
        const QStringList all = FailureSentence::all();
        QVERIFY2(all.size() > 300, qPrintable(QString::number(all.size())));
        for (const QString &sentence : all) {
            const QByteArray source = sentence.toUtf8();
            QVERIFY2(QCoreApplication::translate("vmeclone::Failure", source.constData())
                         != sentence,
                     source.constData());
        }
    }

    // A head's own words about a host it could not ask are said in the console's language
    // too: the real ssh client, against a port on 127.0.0.1 where nothing listens.
    void sshFailuresAreSaidInTheConsolesLanguage() {
        quint16 port = 0;
        {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            port = closed.serverPort();
        }
        HostRecord host;
        host.name = u"lab"_s;
        host.destination = u"root@127.0.0.1"_s;
        host.port = port;
        const SshTransport ssh;
        const ChildRun run = ssh.runRaw(host, {u"host"_s, u"self"_s, u"--json"_s});
        const QString why = ssh.explain(host, run);
        QVERIFY2(
            why.startsWith(
                u"主机 lab（127.0.0.1 端口 %1）无法访问：连接被拒绝（那里没有 SSH 服务器在监听）"_s
                    .arg(port)),
            qPrintable(why));
    }

    // Core's own log lines reach the log pane in the console's language: a real listener
    // on 127.0.0.1 says where it listens; an event it writes, echoed in English on the
    // "echo" logger, does not reach the pane at all (the pane shows the event itself).
    void engineLogLinesAreSaidInTheConsolesLanguage() {
        log::setup(spdlog::level::info); // the console's default level
        LogPane pane;
        log::addSink(pane.sink());
        QTemporaryDir dir;
        AnnouncementListener::Options o;
        o.port = 0;
        o.inventoryPath = dir.filePath(u"inventory.db"_s);
        o.secretPath = dir.filePath(u"secret/cluster.key"_s);
        AnnouncementListener listener(o);
        QVERIFY(listener.start());
        log::echo()->info("vm177: online");
        QTRY_VERIFY2(pane.text().contains(u"正在 127.0.0.1:%1 上监听通告"_s.arg(listener.port())),
                     qPrintable(pane.text()));
        QVERIFY2(!pane.text().contains(u"listening"_s), qPrintable(pane.text()));
        QVERIFY2(!pane.text().contains(u"vm177: online"_s), qPrintable(pane.text()));
    }

    // The console as a head says its own lines about its hosts in its language, with
    // core's failure inside them: an inventory that cannot be opened (its folder is a file).
    void hostFeedLinesAreSaidInTheConsolesLanguage() {
        log::setup(spdlog::level::info);
        LogPane pane;
        log::addSink(pane.sink());
        QTemporaryFile notAFolder;
        QVERIFY(notAFolder.open());
        HostFeed::Config config;
        config.inventoryPath = notAFolder.fileName() + u"/inventory.db"_s;
        HostFeed feed(config, std::make_shared<VmChangeQueue>());
        feed.start();
        QTRY_VERIFY2(pane.text().contains(u"无法打开清单以询问各主机："_s),
                     qPrintable(pane.text()));
        QVERIFY2(!pane.text().contains(u"cannot open the inventory to ask"_s),
                 qPrintable(pane.text()));
    }

    void theReportIsChinese() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto opened = Inventory::open(dir.filePath(u"inventory.sqlite"_s));
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        Inventory &inventory = **opened;
        GoldenRecord golden;
        golden.name = u"demo"_s;
        golden.backend = u"qemu"_s;
        golden.path = dir.filePath(u"demo.json"_s);
        golden.subnet = Subnet::parse(u"192.0.2.0/24").value(); // documentation network
        golden.address = *golden.subnet.addressOfSuffix(176);
        const qint64 goldenId = inventory.addGolden(golden).value();
        const qint64 shardId = inventory.addShard(dir.path(), 1).value();
        VmRecord vm;
        vm.name = u"vm177"_s;
        vm.address = *golden.subnet.addressOfSuffix(177);
        vm.mac = MacAddress::forIpv4(vm.address);
        vm.goldenId = goldenId;
        vm.shardId = shardId;
        vm.folder = dir.filePath(u"vm177"_s);
        vm.cloneMode = u"linked"_s;
        QVERIFY(inventory.reserve({vm}).ok());

        auto report = InventoryReport::take(inventory);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        const QString pdf = dir.filePath(u"report.pdf"_s);
        const Status written = report->writePdf(pdf);
        QVERIFY2(written.ok(), qPrintable(written.error()));

        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext is missing: install poppler-utils "
                                       "(packaging/debian-packages.txt)");
        QProcess p;
        p.start(pdftotext, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        // pdftotext spaces the glyphs of a table cell as laid out: compare without blanks.
        const QString text = QString::fromUtf8(p.readAllStandardOutput()).remove(u' ');
        for (const QString &words : {u"vmeclone清单报表"_s, u"各状态虚拟机数"_s, u"母版镜像"_s,
                                     u"磁盘分片"_s, u"已规划"_s, u"链接"_s})
            QVERIFY2(text.contains(words), qPrintable(words + u" is not in the PDF:\n"_s + text));
        QVERIFY2(text.contains(QRegularExpression(u"第1页，共\\d+页"_s)), qPrintable(text));
        for (const QString &english :
             {u"VMspe"_s, u"Goldenimages"_s, u"Diskshards"_s, u"Page1of"_s})
            QVERIFY2(!text.contains(english), qPrintable(english + u" is still English"_s));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

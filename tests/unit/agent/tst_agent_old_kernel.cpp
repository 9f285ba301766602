// The agent must start on CentOS 6 (Linux 2.6.32): it starts under a 2.6 uname, it is a
// static ELF with no interpreter and no ABI note newer than 2.6.32, and every system
// call it makes (traced with strace) exists in 2.6.32 (x86_64 numbers below 299).

#include "support/ci_skip.h"
#include "agent_process.h"
#include "fixture_tree.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <cstring>
#include <elf.h>

using namespace vmeclone::test;
using namespace Qt::StringLiterals;

namespace {

// The last x86_64 system call of Linux 2.6.32 is perf_event_open, number 298.
constexpr int kFirstSyscallAfter2632 = 299;

QMap<QString, int> syscallNumbers() {
    QMap<QString, int> numbers;
    QFile header(u"/usr/include/x86_64-linux-gnu/asm/unistd_64.h"_s);
    if (!header.open(QIODevice::ReadOnly))
        return numbers;
    const QRegularExpression define(u"^#define __NR_(\\w+)\\s+(\\d+)"_s,
                                    QRegularExpression::MultilineOption);
    auto it = define.globalMatch(QString::fromLatin1(header.readAll()));
    while (it.hasNext()) {
        const auto m = it.next();
        numbers.insert(m.captured(1), m.captured(2).toInt());
    }
    return numbers;
}

// Names of the system calls in an `strace -f -qq -o FILE` log.
QSet<QString> tracedSyscalls(const QString &path) {
    QSet<QString> names;
    QFile log(path);
    if (!log.open(QIODevice::ReadOnly))
        return names;
    const QRegularExpression call(u"^(?:\\d+\\s+)?([a-z_0-9]+)\\("_s);
    while (!log.atEnd()) {
        const QString line = QString::fromUtf8(log.readLine());
        const auto m = call.match(line);
        if (m.hasMatch())
            names.insert(m.captured(1));
    }
    return names;
}

} // namespace

class TestAgentOldKernel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startsUnderOldUname();
    void isStaticElfForOldKernels();
    void systemCallsExistIn2632();
};

void TestAgentOldKernel::startsUnderOldUname() {
    const QString setarch = QStandardPaths::findExecutable(u"setarch"_s);
    if (setarch.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("setarch (util-linux) is not installed");
    const AgentRun run = AgentProcess::run(
        {u"x86_64"_s, u"--uname-2.6"_s, AgentProcess::binary(), u"--version"_s}, setarch);
    QVERIFY2(run.finished && run.exitCode == 0, run.standardError.constData());
    QVERIFY(run.standardOutput.startsWith("vmeclone-agent "));
}

void TestAgentOldKernel::isStaticElfForOldKernels() {
    QFile file(AgentProcess::binary());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray elf = file.readAll();
    QVERIFY(std::size_t(elf.size()) >= sizeof(Elf64_Ehdr));
    Elf64_Ehdr header;
    std::memcpy(&header, elf.constData(), sizeof header);
    QVERIFY(std::memcmp(header.e_ident, ELFMAG, SELFMAG) == 0);
    QCOMPARE(int(header.e_ident[EI_CLASS]), int(ELFCLASS64));
    QCOMPARE(int(header.e_machine), int(EM_X86_64));
    QVERIFY(header.e_phoff + std::size_t(header.e_phnum) * sizeof(Elf64_Phdr)
            <= std::size_t(elf.size()));

    for (int i = 0; i < header.e_phnum; ++i) {
        Elf64_Phdr ph;
        std::memcpy(&ph, elf.constData() + header.e_phoff + std::size_t(i) * sizeof ph, sizeof ph);
        QVERIFY2(ph.p_type != PT_INTERP, "the agent has a program interpreter: not static");
        QVERIFY2(ph.p_type != PT_DYNAMIC, "the agent is dynamically linked");
        if (ph.p_type != PT_NOTE || ph.p_offset + ph.p_filesz > std::size_t(elf.size()))
            continue;
        // glibc's static binaries carry an ABI note "for GNU/Linux 3.2.0"; 2.6.32 is the most
        // this agent may ask for.
        std::size_t at = ph.p_offset;
        const std::size_t end = ph.p_offset + ph.p_filesz;
        while (at + sizeof(Elf64_Nhdr) <= end) {
            Elf64_Nhdr note;
            std::memcpy(&note, elf.constData() + at, sizeof note);
            const std::size_t name = at + sizeof note;
            const std::size_t desc = name + ((note.n_namesz + 3) & ~3u);
            if (note.n_type == NT_GNU_ABI_TAG && note.n_descsz >= 16 && desc + 16 <= end
                && QByteArray(elf.constData() + name, 3) == "GNU") {
                quint32 words[4];
                std::memcpy(words, elf.constData() + desc, sizeof words);
                const QString kernel = u"%1.%2.%3"_s.arg(words[1]).arg(words[2]).arg(words[3]);
                QVERIFY2(words[0] == 0
                             && (words[1] * 65536 + words[2] * 256 + words[3]) <= 0x020620,
                         qPrintable(u"the agent is marked for Linux "_s + kernel
                                    + u" (built against " VMECLONE_AGENT_LIBC
                                      " instead of musl?): it will not run on 2.6.32"_s));
            }
            at = desc + ((note.n_descsz + 3) & ~3u);
        }
    }
}

void TestAgentOldKernel::systemCallsExistIn2632() {
    const QString strace = QStandardPaths::findExecutable(u"strace"_s);
    if (strace.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("strace is not installed (apt-get install strace): system calls not checked");
    const QMap<QString, int> numbers = syscallNumbers();
    if (numbers.isEmpty())
        VMECLONE_SKIP_UNLESS_CI("no /usr/include/x86_64-linux-gnu/asm/unistd_64.h (linux-libc-dev)");

    DatagramSink sink;
    FixtureTree tree;
    QVERIFY(tree.create(u"busybox_fw_cfg"_s, sink.port()));
    // The guestinfo channel's query path (pipes, poll, fork, exec, kill on timeout) runs
    // too: the tree's "vmware-rpctool" is the agent itself, which refuses the arguments,
    // so that the traced children are static musl programs, never the host's shell.
    QVERIFY(QDir().mkpath(tree.path(u"usr/bin"_s)));
    QVERIFY(QFile::copy(AgentProcess::binary(), tree.path(u"usr/bin/vmware-rpctool"_s)));
    const QString log1 = tree.path(u"strace-configure.log"_s);
    const QString log2 = tree.path(u"strace-online.log"_s);
    const QStringList traceArgs = {u"-f"_s, u"-qq"_s, u"-e"_s, u"trace=all"_s, u"-o"_s};

    // First boot: configure and "reboot".
    const AgentRun configure = AgentProcess::run(
        traceArgs
            + QStringList{log1, AgentProcess::binary(), u"--root"_s, tree.root(),
                          u"--allow-root-programs"_s, u"--foreground"_s, u"--once"_s},
        strace);
    QVERIFY2(configure.finished && configure.exitCode == 0, configure.standardError.constData());
    QCOMPARE(sink.take().size(), 6); // booting, configuring, rebooting: each twice

    // Second boot: online, into the background, one heartbeat, SIGTERM.
    QProcess traced;
    traced.start(strace, traceArgs
                             + QStringList{log2, AgentProcess::binary(), u"--root"_s, tree.root(),
                                           u"--allow-root-programs"_s});
    QVERIFY(traced.waitForStarted());
    QList<QByteArray> datagrams;
    QVERIFY(sink.waitFor(5, datagrams)); // booting x2, online x2, a heartbeat
    const QByteArray pidText = tree.read(u"var/run/vmeclone-agent.pid"_s).trimmed();
    const pid_t daemon = pid_t(pidText.toLongLong());
    QVERIFY2(daemon > 1, pidText.constData());
    const auto reap = qScopeGuard([&] {
        if (QFile::exists(tree.path(u"var/run/vmeclone-agent.pid"_s)))
            ::kill(daemon, SIGKILL);
    });
    QCOMPARE(::kill(daemon, SIGTERM), 0);
    QVERIFY(traced.waitForFinished(30000)); // strace ends when its last tracee does

    QSet<QString> used = tracedSyscalls(log1) + tracedSyscalls(log2);
    QVERIFY(used.contains(u"sendto"_s));
    QVERIFY(used.contains(u"rt_sigtimedwait"_s));
    QVERIFY(used.contains(u"fork"_s) || used.contains(u"clone"_s));
    QVERIFY(used.contains(u"execve"_s) && used.contains(u"poll"_s));
    QStringList list = used.values();
    list.sort();
    QStringList tooNew;
    for (const QString &name : list) {
        const int number = numbers.value(name, -1);
        if (number < 0 || number >= kFirstSyscallAfter2632)
            tooNew << u"%1 (%2)"_s.arg(name).arg(number);
    }
    qInfo("system calls made: %s", qPrintable(list.join(u", "_s)));
    QVERIFY2(tooNew.isEmpty(), qPrintable(u"not in Linux 2.6.32: "_s + tooNew.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestAgentOldKernel)
#include "tst_agent_old_kernel.moc"

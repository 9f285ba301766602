// QemuImg against the real qemu-img (and qemu-io to write through overlays).

#include "support/ci_skip.h"
#include "clone/qemu_img.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace vmeclone;

namespace {

// QVERIFY2 builds its message even when the check passes, and error() is only valid
// on a failure.
template <typename E>
QByteArray why(const E &e) {
    return e.ok() ? QByteArray() : e.error().toLocal8Bit();
}
#define QVERIFY_OK(e) QVERIFY2((e).ok(), why(e).constData())

constexpr qint64 kMiB = 1024 * 1024;

// Runs a helper tool for the test's own setup; empty on success, else its stderr.
QString tool(const QString &program, const QStringList &arguments) {
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return u"%1 %2 failed: %3"_s.arg(program, arguments.join(u' '),
                                         QString::fromLocal8Bit(p.readAllStandardError()));
    return {};
}

QString createImage(const QString &path, const QString &format, qint64 size) {
    return tool(u"qemu-img"_s,
                {u"create"_s, u"-q"_s, u"-f"_s, format, path, QString::number(size)});
}

bool haveQemuIo() {
    return !QStandardPaths::findExecutable(u"qemu-io"_s).isEmpty();
}

// Writes a pattern at `offset` through qemu's own block layer (the guest's view).
QString writeThrough(const QString &image, const QString &format, int pattern, qint64 offset,
                     const QString &length) {
    return tool(u"qemu-io"_s, {u"-f"_s, format, u"-c"_s,
                               u"write -P %1 %2 %3"_s.arg(pattern).arg(offset).arg(length), image});
}

QByteArray sha256(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

QStringList filesIn(const QString &folder) {
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

} // namespace

class TestQemuImg : public QObject {
    Q_OBJECT

private:
    std::optional<QemuImg> m_img;

private Q_SLOTS:
    void initTestCase() {
        auto img = QemuImg::find();
        if (!img)
            VMECLONE_SKIP_UNLESS_CI(qPrintable(img.error()));
        m_img.emplace(*img);
    }

    void findNamesThePackage() {
        QTemporaryDir empty;
        const auto img = QemuImg::find({empty.path()});
        QVERIFY(!img.ok());
        QCOMPARE(img.error(), u"qemu-img not found: install qemu-utils"_s);
    }

    void overlayOnGolden_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("qcow2") << u"qcow2"_s;
        QTest::newRow("raw") << u"raw"_s;
        QTest::newRow("vmdk") << u"vmdk"_s;
    }

    // The linked-clone path: the overlay reads as the golden, takes the clone's writes,
    // and the golden does not change by a single byte.
    void overlayOnGolden() {
        QFETCH(QString, format);
        QTemporaryDir dir;
        const QString golden = dir.filePath(u"golden."_s + format);
        const QString overlay = dir.filePath(u"vm177.qcow2"_s);
        QString error = createImage(golden, format, 64 * kMiB);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (haveQemuIo()) {
            error = writeThrough(golden, format, 0x5a, 0, u"1M"_s);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        const QByteArray goldenHash = sha256(golden);
        const QDateTime goldenTime = QFileInfo(golden).lastModified();

        const Status status = m_img->createOverlay(golden, format, overlay);
        QVERIFY_OK(status);
        QCOMPARE(filesIn(dir.path()),
                 QStringList({QFileInfo(golden).fileName(), u"vm177.qcow2"_s}));

        const auto info = m_img->info(overlay);
        QVERIFY_OK(info);
        QCOMPARE(info->format, u"qcow2"_s);
        QCOMPARE(info->virtualSize, 64 * kMiB);
        QVERIFY(info->actualSize > 0);
        QCOMPARE(info->backingFilename, golden);
        QCOMPARE(info->fullBackingFilename, golden);
        QCOMPARE(info->backingFormat, format);
        QVERIFY(!info->dirty);

        const Status checked = m_img->check(overlay);
        QVERIFY_OK(checked);
        auto same = m_img->compare(golden, overlay);
        QVERIFY_OK(same);
        QVERIFY(*same);

        if (!haveQemuIo())
            VMECLONE_SKIP_UNLESS_CI("qemu-io not found (qemu-utils): writing through the overlay not tested");
        error = writeThrough(overlay, u"qcow2"_s, 0xab, 0, u"64k"_s);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(sha256(golden), goldenHash);
        QCOMPARE(QFileInfo(golden).lastModified(), goldenTime);
        same = m_img->compare(golden, overlay);
        QVERIFY_OK(same);
        QVERIFY(!*same);
        QVERIFY(m_img->check(overlay).ok());
    }

    // A relative backing name would break as soon as the overlay is opened from another
    // working folder; the overlay records the absolute one.
    void relativeBackingIsRecordedAbsolute() {
        QTemporaryDir dir;
        QVERIFY(createImage(dir.filePath(u"golden.qcow2"_s), u"qcow2"_s, 16 * kMiB).isEmpty());
        QVERIFY(QDir(dir.path()).mkdir(u"vm177"_s));
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        const Status status =
            m_img->createOverlay(u"golden.qcow2"_s, u"qcow2"_s, u"vm177/disk.qcow2"_s);
        QDir::setCurrent(previous);
        QVERIFY_OK(status);
        const auto info = m_img->info(dir.filePath(u"vm177/disk.qcow2"_s));
        QVERIFY_OK(info);
        QCOMPARE(info->backingFilename, dir.filePath(u"golden.qcow2"_s));
    }

    void missingBackingIsNamed() {
        QTemporaryDir dir;
        const QString missing = dir.filePath(u"no-such-golden.qcow2"_s);
        const QString overlay = dir.filePath(u"vm177.qcow2"_s);
        const Status status = m_img->createOverlay(missing, u"qcow2"_s, overlay);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(missing), qPrintable(status.error()));
        QVERIFY(filesIn(dir.path()).isEmpty());
    }

    // qemu-img's own refusal reaches the operator, and its half-made file is gone.
    void qemuImgErrorIsPassedOn() {
        QTemporaryDir dir;
        const QString golden = dir.filePath(u"golden.img"_s);
        QVERIFY(createImage(golden, u"raw"_s, 16 * kMiB).isEmpty());
        const QString overlay = dir.filePath(u"vm177.qcow2"_s);
        const Status status = m_img->createOverlay(golden, u"qcow2"_s, overlay);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(overlay) && status.error().contains(golden),
                 qPrintable(status.error()));
        QVERIFY2(status.error().contains(u"qcow2"_s), qPrintable(status.error()));
        QCOMPARE(filesIn(dir.path()), QStringList{u"golden.img"_s});
    }

    void refusesExistingOverlay() {
        QTemporaryDir dir;
        const QString golden = dir.filePath(u"golden.qcow2"_s);
        const QString overlay = dir.filePath(u"vm177.qcow2"_s);
        QVERIFY(createImage(golden, u"qcow2"_s, 16 * kMiB).isEmpty());
        QVERIFY(createImage(overlay, u"raw"_s, kMiB).isEmpty());
        const QByteArray before = sha256(overlay);
        const Status status = m_img->createOverlay(golden, u"qcow2"_s, overlay);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(overlay), qPrintable(status.error()));
        QCOMPARE(sha256(overlay), before);
        QCOMPARE(filesIn(dir.path()), QStringList({u"golden.qcow2"_s, u"vm177.qcow2"_s}));
    }

    void infoOfPlainImage_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<qint64>("size");
        QTest::newRow("raw") << u"raw"_s << 3 * kMiB;
        QTest::newRow("qcow2") << u"qcow2"_s << 1024 * kMiB;
        QTest::newRow("vmdk") << u"vmdk"_s << 10 * kMiB;
    }

    void infoOfPlainImage() {
        QFETCH(QString, format);
        QFETCH(qint64, size);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"disk."_s + format);
        QVERIFY(createImage(path, format, size).isEmpty());
        const auto info = m_img->info(path);
        QVERIFY_OK(info);
        QCOMPARE(info->format, format);
        QCOMPARE(info->virtualSize, size);
        QCOMPARE(info->filename, path);
        QVERIFY(info->backingFilename.isEmpty());
        QVERIFY(info->backingFormat.isEmpty());
    }

    // info reads only the overlay (it still names the lost golden); check opens the
    // whole chain and says which file is gone.
    void overlayWithoutBackingIsNamed() {
        QTemporaryDir dir;
        const QString golden = dir.filePath(u"golden.qcow2"_s);
        const QString overlay = dir.filePath(u"vm177.qcow2"_s);
        QVERIFY(createImage(golden, u"qcow2"_s, 16 * kMiB).isEmpty());
        QVERIFY(m_img->createOverlay(golden, u"qcow2"_s, overlay).ok());
        QVERIFY(QFile::remove(golden));
        const auto info = m_img->info(overlay);
        QVERIFY_OK(info);
        QCOMPARE(info->backingFilename, golden);
        const Status checked = m_img->check(overlay);
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error().contains(overlay) && checked.error().contains(golden),
                 qPrintable(checked.error()));
    }

    void missingImageIsNamed() {
        QTemporaryDir dir;
        const QString missing = dir.filePath(u"missing.qcow2"_s);
        const auto info = m_img->info(missing);
        QVERIFY(!info.ok());
        QVERIFY(info.error().contains(missing));
        const Status checked = m_img->check(missing);
        QVERIFY(!checked.ok());
        QVERIFY(checked.error().contains(missing));
        const auto same = m_img->compare(missing, missing);
        QVERIFY(!same.ok());
        QVERIFY(same.error().contains(missing));
    }

    // Zeroed refcounts: the kind of damage a crash during a metadata update leaves.
    void checkFindsCorruption() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"disk.qcow2"_s);
        QVERIFY(createImage(path, u"qcow2"_s, 64 * kMiB).isEmpty());
        if (haveQemuIo())
            QVERIFY(writeThrough(path, u"qcow2"_s, 0x11, 0, u"1M"_s).isEmpty());
        QVERIFY(m_img->check(path).ok());

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray header = f.read(64);
        // Big-endian refcount table offset at byte 48; its first entry is the first block.
        auto be64 = [](const QByteArray &b, int at) {
            quint64 v = 0;
            for (int i = 0; i < 8; ++i)
                v = (v << 8) | quint8(b[at + i]);
            return v;
        };
        QVERIFY(f.seek(qint64(be64(header, 48))));
        const quint64 refcountBlock = be64(f.read(8), 0);
        QVERIFY(refcountBlock > 0);
        QVERIFY(f.seek(qint64(refcountBlock)));
        f.write(QByteArray(64, '\0'));
        f.close();

        const Status checked = m_img->check(path);
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error().contains(path) && checked.error().contains(u"corrupt"_s)
                     && checked.error().contains(u"ERROR"_s),
                 qPrintable(checked.error()));
    }

    void checkPassesRaw() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"disk.raw"_s);
        QVERIFY(createImage(path, u"raw"_s, kMiB).isEmpty());
        const Status checked = m_img->check(path);
        QVERIFY_OK(checked);
    }

    void compareSeesDifferences() {
        QTemporaryDir dir;
        const QString a = dir.filePath(u"a.raw"_s);
        const QString b = dir.filePath(u"b.qcow2"_s);
        QVERIFY(createImage(a, u"raw"_s, 4 * kMiB).isEmpty());
        QVERIFY(createImage(b, u"qcow2"_s, 4 * kMiB).isEmpty());
        auto same = m_img->compare(a, b);
        QVERIFY_OK(same);
        QVERIFY(*same); // both all zeros, whatever their formats

        QFile f(a);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(3 * kMiB));
        f.write("x");
        f.close();
        same = m_img->compare(a, b);
        QVERIFY_OK(same);
        QVERIFY(!*same);
    }

    // A qemu-img that hangs (here: opening a FIFO nobody writes to) is stopped and named.
    void hangingQemuImgIsStopped() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(u"stuck.img"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const QemuImg img(m_img->program(), 300ms);
        const auto info = img.info(fifo);
        QVERIFY(!info.ok());
        QVERIFY2(info.error().contains(fifo) && info.error().contains(u"did not finish"_s),
                 qPrintable(info.error()));
    }
};

QTEST_GUILESS_MAIN(TestQemuImg)
#include "tst_qemu_img.moc"

// Overlays written by Qcow2Overlay must be what qemu-img itself would accept and
// read through: checked with the real qemu-img and qemu-io.

#include "clone/qcow2_overlay.h"
#include "clone/qemu_img.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

QByteArray sha256(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

int run(const QString &program, const QStringList &args) {
    return QProcess::execute(program, args);
}

} // namespace

class TestQcow2Overlay : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<QemuImg> m_img;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto img = QemuImg::find();
        QVERIFY2(img.ok(), qPrintable(img.error()));
        m_img = *img;
    }

    void overlayReadsAsItsGolden_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("size");
        QTest::newRow("qcow2 64M") << u"qcow2"_s << u"64M"_s;
        QTest::newRow("qcow2 1G") << u"qcow2"_s << u"1G"_s;
        QTest::newRow("qcow2 odd size") << u"qcow2"_s << u"1000001536"_s;
        QTest::newRow("raw 32M") << u"raw"_s << u"32M"_s;
        // An L1 table over one cluster: 8192 entries of 512 MiB each.
        QTest::newRow("qcow2 5T") << u"qcow2"_s << u"5T"_s;
    }

    void overlayReadsAsItsGolden() {
        QFETCH(QString, format);
        QFETCH(QString, size);
        const QString golden = m_dir.filePath(u"golden-%1-%2.img"_s.arg(format, size));
        const QString overlay = m_dir.filePath(u"overlay-%1-%2.qcow2"_s.arg(format, size));
        QCOMPARE(run(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, format, golden, size}), 0);
        QCOMPARE(run(u"qemu-io"_s, {u"-f"_s, format, u"-c"_s, u"write -P 0x5a 1M 2M"_s, golden}),
                 0);
        const QByteArray before = sha256(golden);

        const Status made = Qcow2Overlay::create(golden, format, overlay);
        QVERIFY2(made.ok(), qPrintable(made.error()));
        QVERIFY(!QFile::exists(overlay + u".part"_s));
        // Sparse: a 5T golden's overlay has a 320 KiB L1 table of zeros, which is a hole.
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(overlay).constData(), &st), 0);
        QVERIFY2(st.st_blocks * 512 <= 16 * 1024,
                 qPrintable(u"%1 bytes allocated"_s.arg(st.st_blocks * 512)));

        QVERIFY2(m_img->check(overlay).ok(), "qemu-img check must pass on the overlay");
        auto info = m_img->info(overlay);
        QVERIFY2(info.ok(), qPrintable(info.error()));
        QCOMPARE(info->format, u"qcow2"_s);
        QCOMPARE(info->backingFilename, QFileInfo(golden).absoluteFilePath());
        QCOMPARE(info->backingFormat, format);
        auto goldenInfo = m_img->info(golden);
        QVERIFY(goldenInfo.ok());
        QCOMPARE(info->virtualSize, goldenInfo->virtualSize);
        if (goldenInfo->virtualSize <= (qint64(1) << 30)) {
            auto same = m_img->compare(golden, overlay);
            QVERIFY2(same.ok(), qPrintable(same.error()));
            QVERIFY(*same);
        }

        // Writes land in the overlay; the golden keeps its bytes.
        QCOMPARE(run(u"qemu-io"_s, {u"-c"_s, u"write -P 0x33 0 64k"_s, overlay}), 0);
        QVERIFY2(m_img->check(overlay).ok(), "still consistent after a write");
        QCOMPARE(sha256(golden), before);
        QCOMPARE(run(u"qemu-io"_s, {u"-c"_s, u"read -P 0x5a 1M 1M"_s, overlay}), 0);
    }

    void refusesExistingOverlay() {
        const QString golden = m_dir.filePath(u"g.qcow2"_s);
        QCOMPARE(run(u"qemu-img"_s, {u"create"_s, u"-q"_s, u"-f"_s, u"qcow2"_s, golden, u"8M"_s}),
                 0);
        const QString overlay = m_dir.filePath(u"exists.qcow2"_s);
        QFile f(overlay);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        const Status s = Qcow2Overlay::create(golden, u"qcow2"_s, overlay);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(overlay), qPrintable(s.error()));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("keep me"));
    }

    void refusesBadBacking_data() {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QString() << u"qcow2"_s << u"cannot read"_s;
        QTest::newRow("not qcow2") << u"hello"_s << u"qcow2"_s << u"is not a qcow2 image"_s;
        QTest::newRow("vmdk") << u"KDMV"_s << u"vmdk"_s << u"neither qcow2 nor raw"_s;
    }

    void refusesBadBacking() {
        QFETCH(QString, content);
        QFETCH(QString, format);
        QFETCH(QString, message);
        const QString golden =
            m_dir.filePath(u"bad-%1"_s.arg(QLatin1StringView(QTest::currentDataTag())));
        if (!content.isNull()) {
            QFile f(golden);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content.toUtf8());
        }
        const QString overlay = m_dir.filePath(
            u"bad-overlay-%1.qcow2"_s.arg(QLatin1StringView(QTest::currentDataTag())));
        const Status s = Qcow2Overlay::create(golden, format, overlay);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(message) && s.error().contains(golden), qPrintable(s.error()));
        QVERIFY(!QFile::exists(overlay));
        QVERIFY(!QFile::exists(overlay + u".part"_s));
    }
};

QTEST_GUILESS_MAIN(TestQcow2Overlay)
#include "tst_qcow2_overlay.moc"

// GoldenFingerprint: a golden's files as accepted, and the first difference in words.
// Real files, changed the ways goldens change: written in place, grown, and copied over
// with the old modification time kept (cp -p), which only the sampled content shows.

#include "golden/golden_fingerprint.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestGoldenFingerprint : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString &name, qint64 size, char fill) {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QByteArray(size, fill));
        return f.fileName();
    }

    static void keepTime(const QString &path, const struct stat &before) {
        const timespec times[2] = {before.st_atim, before.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
    }

private Q_SLOTS:
    // The checksum hosts compare: the same content in another folder at another time is the
    // same; one byte more, or another name for a file, is not.
    void theChecksumIsTheContentAlone() {
        QVERIFY(QDir(m_dir.path()).mkpath(u"here"_s) && QDir(m_dir.path()).mkpath(u"there"_s));
        const QString here = writeFile(u"here/disk.img"_s, 3 << 20, 'c');
        const QString there = writeFile(u"there/disk.img"_s, 3 << 20, 'c');
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(here).constData(), &st), 0);
        st.st_mtim.tv_sec -= 3600; // an hour older: times are not content
        keepTime(there, st);
        auto a = GoldenFingerprint::of({here});
        auto b = GoldenFingerprint::of({there});
        QVERIFY(a && b);
        QVERIFY(!b->differenceFrom(*a).isEmpty()); // the paths differ: not the same record
        const QString sum = a->checksum(m_dir.filePath(u"here"_s));
        QCOMPARE(sum.size(), 64);
        QCOMPARE(b->checksum(m_dir.filePath(u"there"_s)), sum);

        const QString renamed = writeFile(u"there/other.img"_s, 3 << 20, 'c');
        auto c = GoldenFingerprint::of({renamed});
        QVERIFY(c && c->checksum(m_dir.filePath(u"there"_s)) != sum);
        QFile grown(there);
        QVERIFY(grown.open(QIODevice::Append) && grown.write("x", 1) == 1);
        grown.close();
        auto d = GoldenFingerprint::of({there});
        QVERIFY(d && d->checksum(m_dir.filePath(u"there"_s)) != sum);
        QVERIFY(GoldenFingerprint().checksum(m_dir.path()).isEmpty());
    }

    void sameFilesSameFingerprint() {
        const QString disk = writeFile(u"same.img"_s, 5 << 20, 'a');
        auto a = GoldenFingerprint::of({disk});
        auto b = GoldenFingerprint::of({disk});
        QVERIFY(a && b);
        QCOMPARE(b->differenceFrom(*a), QString());
        auto parsed = GoldenFingerprint::parse(a->toText());
        QVERIFY(parsed);
        QCOMPARE(b->differenceFrom(*parsed), QString());
        QVERIFY(GoldenFingerprint::parse(QString())->files().isEmpty());
        QVERIFY(!GoldenFingerprint::parse(u"{not json"_s));
    }

    void aWriteInPlaceIsNamed() {
        const QString disk = writeFile(u"written.img"_s, 5 << 20, 'a');
        auto before = GoldenFingerprint::of({disk});
        QVERIFY(before);
        QFile f(disk);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(3 << 20));
        f.write("changed");
        f.close();
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(disk).constData(), &st), 0);
        st.st_mtim.tv_sec += 5; // a write later than the add, whatever the clock's grain
        keepTime(disk, st);
        auto after = GoldenFingerprint::of({disk});
        QVERIFY(after);
        const QString why = after->differenceFrom(*before);
        QVERIFY2(why.contains(disk) && why.contains(u"was written at"_s), qPrintable(why));
    }

    void aGrownFileIsNamed() {
        const QString disk = writeFile(u"grown.img"_s, 1 << 20, 'a');
        auto before = GoldenFingerprint::of({disk});
        QFile f(disk);
        QVERIFY(f.open(QIODevice::Append));
        f.write("more");
        f.close();
        auto after = GoldenFingerprint::of({disk});
        QVERIFY(before && after);
        QVERIFY(after->differenceFrom(*before).contains(u"changed size"_s));
    }

    // Samples cover the head, the tail and 64 blocks in between: a copy over the
    // golden that kept size and time but not content is seen when it touches one.
    void aCopyThatKeptTheTimeIsSeenByItsContent() {
        const QString disk = writeFile(u"copied.img"_s, 8 << 20, 'a');
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(disk).constData(), &st), 0);
        auto before = GoldenFingerprint::of({disk});
        QFile f(disk);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(0));
        f.write("boot sector of another guest");
        f.close();
        keepTime(disk, st);
        auto after = GoldenFingerprint::of({disk});
        QVERIFY(before && after);
        QVERIFY2(after->differenceFrom(*before).contains(u"other content"_s),
                 qPrintable(after->differenceFrom(*before)));
    }

    void aMissingOrNewFileIsNamed() {
        const QString a = writeFile(u"a.img"_s, 100, 'a');
        const QString b = writeFile(u"b.img"_s, 100, 'b');
        auto one = GoldenFingerprint::of({a});
        auto two = GoldenFingerprint::of({a, b});
        QVERIFY(one && two);
        QVERIFY(two->differenceFrom(*one).contains(u"is a new file"_s));
        QVERIFY(one->differenceFrom(*two).contains(u"no longer one of its files"_s));
        QVERIFY(!GoldenFingerprint::of({m_dir.filePath(u"gone.img"_s)}));
    }
};

QTEST_GUILESS_MAIN(TestGoldenFingerprint)
#include "tst_golden_fingerprint.moc"

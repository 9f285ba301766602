#include "identity/cluster_secret.h"
#include "protocol/addressing.h"

#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;
using vmeclone::ClusterSecret;
using vmeclone::Ipv4Address;

namespace {

// Everything in `dir`, hidden files included: a stray temporary file must show up.
QStringList entries(const QString &dir) {
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

int modeOf(const QString &path) {
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
#else
    Q_UNUSED(path);
    return -1;
#endif
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes, QFile::Permissions perms) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();
    QVERIFY(QFile::setPermissions(path, perms));
}

constexpr auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner;

} // namespace

class TstClusterSecret : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createsWith0600();
    void createsWith0600UnderPermissiveUmask();
    void sameSecretOnReload();
    void refusesOpenModes_data();
    void refusesOpenModes();
    void refusesWrongSize_data();
    void refusesWrongSize();
    void refusesFolder();
    void failedCreateLeavesNothing();
    void keyForMatchesProtocol();
    void keysDifferPerAddressAndSecret();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstClusterSecret::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstClusterSecret::createsWith0600() {
    const QString path = m_dir->filePath(u"state/cluster.key"_s); // folder made on first run
    const auto secret = ClusterSecret::loadOrCreate(path);
    QVERIFY2(secret.ok(), qPrintable(secret.ok() ? QString() : secret.error()));
    QCOMPARE(QFileInfo(path).size(), 32);
    QCOMPARE(QFile::permissions(path) & ~QFile::Permissions(QFile::ReadUser | QFile::WriteUser),
             ownerOnly);
#ifdef Q_OS_UNIX
    QCOMPARE(modeOf(path), 0600);
#endif
    QCOMPARE(entries(m_dir->filePath(u"state"_s)), QStringList{u"cluster.key"_s});
    QVERIFY(readAll(path) != QByteArray(32, '\0'));
}

void TstClusterSecret::createsWith0600UnderPermissiveUmask() {
#ifndef Q_OS_UNIX
    QSKIP("umask is a Unix notion");
#else
    const mode_t previous = ::umask(0);
    const QString path = m_dir->filePath(u"cluster.key"_s);
    const auto secret = ClusterSecret::loadOrCreate(path);
    ::umask(previous);
    QVERIFY(secret.ok());
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(entries(m_dir->path()), QStringList{u"cluster.key"_s});
#endif
}

void TstClusterSecret::sameSecretOnReload() {
    const QString path = m_dir->filePath(u"cluster.key"_s);
    const Ipv4Address ip(0xC0A801B1u);
    const auto first = ClusterSecret::loadOrCreate(path);
    QVERIFY(first.ok());
    const QByteArray bytes = readAll(path);
    const auto second = ClusterSecret::loadOrCreate(path);
    QVERIFY(second.ok());
    QCOMPARE(second->keyFor(ip), first->keyFor(ip));
    QCOMPARE(readAll(path), bytes); // loading never rewrites
    QCOMPARE(ClusterSecret::fromBytes(bytes).keyFor(ip), first->keyFor(ip));
    QCOMPARE(entries(m_dir->path()), QStringList{u"cluster.key"_s});
}

void TstClusterSecret::refusesOpenModes_data() {
    QTest::addColumn<int>("perms");
    QTest::addColumn<QString>("mode");
    QTest::newRow("0644") << int(ownerOnly | QFile::ReadGroup | QFile::ReadOther) << u"0644"_s;
    QTest::newRow("0640") << int(ownerOnly | QFile::ReadGroup) << u"0640"_s;
    QTest::newRow("0604") << int(ownerOnly | QFile::ReadOther) << u"0604"_s;
    QTest::newRow("0620") << int(ownerOnly | QFile::WriteGroup) << u"0620"_s;
    QTest::newRow("0666") << int(ownerOnly | QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther
                                 | QFile::WriteOther)
                          << u"0666"_s;
}

void TstClusterSecret::refusesOpenModes() {
#ifndef Q_OS_UNIX
    QSKIP("file modes are checked on Unix only");
#else
    QFETCH(int, perms);
    QFETCH(QString, mode);
    const QString path = m_dir->filePath(u"cluster.key"_s);
    const QByteArray bytes(32, 'k');
    writeFile(path, bytes, QFile::Permissions::fromInt(perms));
    const auto secret = ClusterSecret::loadOrCreate(path);
    QVERIFY(!secret.ok());
    QCOMPARE(secret.error(), u"cluster secret %1 is open to group or others (mode %2): run "
                             "'chmod 600 %1'"_s.arg(path, mode));
    QCOMPARE(readAll(path), bytes); // left as it was: the operator decides
    QCOMPARE(u"%1"_s.arg(modeOf(path), 4, 8, QChar(u'0')), mode);
    QCOMPARE(entries(m_dir->path()), QStringList{u"cluster.key"_s});

    // After the hint is followed, the same file loads.
    QVERIFY(QFile::setPermissions(path, ownerOnly));
    QVERIFY(ClusterSecret::loadOrCreate(path).ok());
#endif
}

void TstClusterSecret::refusesWrongSize_data() {
    QTest::addColumn<int>("size");
    QTest::newRow("empty") << 0;
    QTest::newRow("one short") << 31;
    QTest::newRow("one long") << 33;
    QTest::newRow("hex text of a key") << 64;
}

void TstClusterSecret::refusesWrongSize() {
    QFETCH(int, size);
    const QString path = m_dir->filePath(u"cluster.key"_s);
    const QByteArray bytes(size, 'k');
    writeFile(path, bytes, ownerOnly);
    const auto secret = ClusterSecret::loadOrCreate(path);
    QVERIFY(!secret.ok());
    QCOMPARE(secret.error(),
             u"cluster secret %1 has %2 bytes, not 32: restore it from a backup (deleting it "
             "creates a new secret, and every existing clone's key changes)"_s.arg(path)
                 .arg(size));
    QCOMPARE(readAll(path), bytes); // never "repaired" by guessing
    QCOMPARE(entries(m_dir->path()), QStringList{u"cluster.key"_s});
}

void TstClusterSecret::refusesFolder() {
    const QString path = m_dir->filePath(u"cluster.key"_s);
    QVERIFY(QDir().mkpath(path));
    const auto secret = ClusterSecret::loadOrCreate(path);
    QVERIFY(!secret.ok());
    QCOMPARE(secret.error(), u"cluster secret %1 is not a file: move it out of the way to create "
                             "a new secret, or restore the file from a backup"_s.arg(path));
    QCOMPARE(entries(path), QStringList());
}

void TstClusterSecret::failedCreateLeavesNothing() {
    // The folder the secret should live in is a plain file: creation must fail cleanly.
    const QString blocker = m_dir->filePath(u"state"_s);
    writeFile(blocker, "not a folder", ownerOnly);
    const QString path = blocker + u"/cluster.key"_s;
    const auto secret = ClusterSecret::loadOrCreate(path);
    QVERIFY(!secret.ok());
    QCOMPARE(secret.error(), u"cannot create the folder %1 for the cluster secret: check its "
                             "permissions"_s.arg(blocker));
    QCOMPARE(entries(m_dir->path()), QStringList{u"state"_s});
    QCOMPARE(readAll(blocker), QByteArray("not a folder"));
}

void TstClusterSecret::keyForMatchesProtocol() {
    QByteArray bytes;
    for (int i = 0; i < 32; ++i)
        bytes.append(char(i * 7 + 1));
    const ClusterSecret secret = ClusterSecret::fromBytes(bytes);
    const Ipv4Address ip(0xC0A801B1u); // 192.168.1.177
    const auto viaProtocol =
        vmeclone::protocol::vmKey(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                  size_t(bytes.size()), ip.toUInt());
    QCOMPARE(secret.keyFor(ip), viaProtocol);

    // And independently of the protocol code: DESIGN §3, HMAC-SHA256(secret, dotted quad).
    const QByteArray expected =
        QMessageAuthenticationCode::hash("192.168.1.177", bytes, QCryptographicHash::Sha256);
    const auto key = secret.keyFor(ip);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(key.size())),
             expected);
    QCOMPARE(secret.keyHexFor(ip), QString::fromLatin1(expected.toHex()));
}

void TstClusterSecret::keysDifferPerAddressAndSecret() {
    const auto a = ClusterSecret::loadOrCreate(m_dir->filePath(u"a.key"_s));
    const auto b = ClusterSecret::loadOrCreate(m_dir->filePath(u"b.key"_s));
    QVERIFY(a.ok() && b.ok());
    const Ipv4Address ip177(0xC0A801B1u), ip178(0xC0A801B2u);
    QVERIFY(a->keyFor(ip177) != a->keyFor(ip178));
    QVERIFY(a->keyFor(ip177) != b->keyFor(ip177)); // two fresh secrets differ
    QCOMPARE(a->keyHexFor(ip177).size(), 64);
}

QTEST_GUILESS_MAIN(TstClusterSecret)
#include "tst_cluster_secret.moc"

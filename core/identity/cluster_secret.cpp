#include "cluster_secret.h"

#include "common/failure_text.h"
#include "common/file_sync.h"
#include "common/logging.h"
#include "protocol/addressing.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kClusterSecretNotFile{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "cluster secret %1 is not a file: move it out of the way to create a new secret, or restore "
    "the file from a backup")};
const FailureSentence kClusterSecretCannotRead{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot read the cluster secret %1: %2")};
const FailureSentence kClusterSecretOpenToOthers{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "cluster secret %1 is open to group or others (mode %2): run 'chmod 600 %1'")};
const FailureSentence kClusterSecretWrongSize{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "cluster secret %1 has %2 bytes, not %3: restore it from a backup (deleting it creates a new "
    "secret, and every existing clone's key changes)")};
const FailureSentence kClusterSecretNoPath{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "no file named for the cluster secret: pass its path")};
const FailureSentence kClusterSecretCannotCreateFolder{
    QT_TRANSLATE_NOOP("vmeclone::Failure",
                      "cannot create the folder %1 for the cluster secret: check its permissions")};
const FailureSentence kClusterSecretCannotCreate{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot create the cluster secret %1: %2")};
const FailureSentence kClusterSecretCannotWrite{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot write the cluster secret %1: %2")};
const FailureSentence kClusterSecretRenameFailed{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "cannot create the cluster secret %1: renaming %2 failed")};

constexpr qsizetype secretSize = 32;

// Mode bits of an open file; -1 where the platform has none to check.
int modeOf(QFile &file) {
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::fstat(file.handle(), &st) == 0)
        return int(st.st_mode & 07777);
#else
    Q_UNUSED(file);
#endif
    return -1;
}

QString octal(int mode) {
    return u"%1"_s.arg(mode, 4, 8, QChar(u'0'));
}

Expected<QByteArray> readSecret(const QString &path) {
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return fail(kClusterSecretNotFile(path));
    if (!file.open(QIODevice::ReadOnly))
        return fail(kClusterSecretCannotRead(path, file.errorString()));
    // Checked on the open file, so the answer is about the file actually read.
    const int mode = modeOf(file);
    if (mode >= 0 && (mode & 077) != 0)
        return fail(kClusterSecretOpenToOthers(path, octal(mode)));
    const QByteArray bytes = file.read(secretSize + 1);
    if (bytes.size() != secretSize)
        return fail(kClusterSecretWrongSize(path, file.size(), secretSize));
    return bytes;
}

} // namespace

Expected<ClusterSecret> ClusterSecret::loadOrCreate(const QString &path) {
    if (path.isEmpty())
        return fail(kClusterSecretNoPath());
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink()) {
        auto bytes = readSecret(path);
        if (!bytes)
            return fail(bytes.error());
        return fromBytes(*bytes);
    }

    if (!QDir().mkpath(info.absolutePath()))
        return fail(kClusterSecretCannotCreateFolder(info.absolutePath()));
    // Written beside the target and renamed, so no reader ever sees a partial secret.
    const QString tempPath =
        path + u".tmp-"_s + QString::number(QRandomGenerator::global()->generate64(), 16);
    QFile temp(tempPath);
    // Created 0600: the bytes never sit in a file others could open.
    if (!temp.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(kClusterSecretCannotCreate(path, temp.errorString()));

    QByteArray bytes(secretSize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          secretSize / qsizetype(sizeof(quint32)));
    const bool written = temp.write(bytes) == secretSize && syncOpenFile(temp);
    const QString writeError = temp.errorString();
    temp.close();
    if (!written) {
        QFile::remove(tempPath);
        return fail(kClusterSecretCannotWrite(path, writeError));
    }
    // rename() never replaces: if another process created the secret meanwhile, use its.
    if (!QFile::rename(tempPath, path)) {
        QFile::remove(tempPath);
        if (QFileInfo::exists(path)) {
            auto theirs = readSecret(path);
            if (!theirs)
                return fail(theirs.error());
            return fromBytes(*theirs);
        }
        return fail(kClusterSecretRenameFailed(path, tempPath));
    }
    vmeclone::log::get("identity")->info("created a new cluster secret in {}", path);
    return fromBytes(bytes);
}

protocol::Digest ClusterSecret::keyFor(Ipv4Address ip) const {
    return protocol::vmKey(reinterpret_cast<const std::uint8_t *>(m_bytes.constData()),
                           size_t(m_bytes.size()), ip.toUInt());
}

QString ClusterSecret::keyHexFor(Ipv4Address ip) const {
    const protocol::Digest key = keyFor(ip);
    return QString::fromStdString(protocol::toHex(key.data(), key.size()));
}

protocol::Digest ClusterSecret::keyFor(Ipv4Address ip, const QString &instance) const {
    return protocol::vmInstanceKey(reinterpret_cast<const std::uint8_t *>(m_bytes.constData()),
                                   size_t(m_bytes.size()), ip.toUInt(), instance.toStdString());
}

QString ClusterSecret::keyHexFor(Ipv4Address ip, const QString &instance) const {
    const protocol::Digest key = keyFor(ip, instance);
    return QString::fromStdString(protocol::toHex(key.data(), key.size()));
}

protocol::Digest ClusterSecret::keyFor(const VmRecord &vm) const {
    return vm.keyScheme == 1 ? keyFor(vm.address) : keyFor(vm.address, vm.instance);
}

ClusterSecret ClusterSecret::fromBytes(const QByteArray &bytes) {
    ClusterSecret secret;
    secret.m_bytes = bytes;
    return secret;
}

} // namespace vmeclone

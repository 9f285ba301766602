#pragma once
// A guest tree for the agent tests: a fixture under tests/unit/agent/fixtures/<case>
// copied into a temporary directory with "@PORT@" replaced by the test's UDP port (and
// each file's permissions kept, so stand-in guest tools stay executable), and whole-tree
// snapshots (relative path -> bytes) to compare with expected trees.

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QString>
#include <QTemporaryDir>

namespace vmeclone::test {

using namespace Qt::StringLiterals;

class FixtureTree {
public:
    static QString sourceDir() { return QStringLiteral(VMECLONE_SOURCE_DIR "/tests/unit/agent"); }
    static QString fixtureDir(const QString &name) { return sourceDir() + u"/fixtures/"_s + name; }
    static QString expectedDir(const QString &name) { return sourceDir() + u"/expected/"_s + name; }

    // Every regular file under `dir`, by path relative to it; "@PORT@" replaced by `port`.
    static QMap<QString, QByteArray> snapshot(const QString &dir, quint16 port = 0) {
        QMap<QString, QByteArray> files;
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                qFatal("cannot read %s", qPrintable(path));
            QByteArray content = file.readAll();
            if (port != 0)
                content.replace("@PORT@", QByteArray::number(port));
            files.insert(QDir(dir).relativeFilePath(path), content);
        }
        return files;
    }

    // Copies fixture `name` into a fresh temporary directory.
    bool create(const QString &name, quint16 port) {
        if (!m_dir.isValid())
            return false;
        const QString from = fixtureDir(name);
        if (!QDir(from).exists())
            return false;
        const QMap<QString, QByteArray> files = snapshot(from, port);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (!write(it.key(), it.value())
                || !QFile::setPermissions(path(it.key()),
                                          QFile::permissions(from + u'/' + it.key())))
                return false;
        }
        return true;
    }

    // Moves a file or folder inside the tree, as a reboot renames a NIC in sysfs.
    bool rename(const QString &from, const QString &to) {
        return QDir().mkpath(QFileInfo(path(to)).absolutePath())
               && QDir().rename(path(from), path(to));
    }

    bool write(const QString &relativePath, const QByteArray &content) {
        const QString path = m_dir.filePath(relativePath);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return false;
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
               && file.write(content) == content.size();
    }

    QByteArray read(const QString &relativePath) const {
        QFile file(m_dir.filePath(relativePath));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QString root() const { return m_dir.path(); }
    QString path(const QString &relativePath) const { return m_dir.filePath(relativePath); }
    QMap<QString, QByteArray> snapshot() const { return snapshot(m_dir.path()); }

private:
    QTemporaryDir m_dir;
};

} // namespace vmeclone::test

#include "vmdk_cloner.h"

#include "common/failure_text.h"
#include "common/file_sync.h"
#include "common/logging.h"
#include "vmdk/sparse_extent_header.h"
#include "vmdk/vmdk_descriptor.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

const FailureSentence kVmdkClonerNameNeeded{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "A name is needed for the cloned disk (e.g. vm177)")};
const FailureSentence kVmdkClonerBadName{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "'%1' cannot name a disk file: use letters, digits, '-', '_' and '.' (not first), without "
    "/ \\ : \" * ? < > |")};
const FailureSentence kVmdkClonerDestinationExists{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "Destination %1 exists already: refusing to overwrite it; remove it or choose another name")};
const FailureSentence kVmdkClonerCannotRename{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot rename %1 to %2: %3")};
const FailureSentence kVmdkClonerPartExists{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 exists: another clone to %2 is being made or was interrupted; remove it if none is "
    "running")};
const FailureSentence kVmdkClonerCannotCreate{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Cannot create %1: %2; check that the folder is writable")};
const FailureSentence kVmdkClonerCannotWrite{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot write %1: %2")};
const FailureSentence kVmdkClonerNoDestinationFolder{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Destination folder %1 does not exist: create it first")};
const FailureSentence kVmdkClonerInChainOf{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 (in the chain of %2)")};
const FailureSentence kVmdkClonerNoParentHint{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 is a delta disk (parentCID=%2) without a parentFileNameHint: its parent cannot be "
    "found")};
const FailureSentence kVmdkClonerParentMissing{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "The parent of %1, %2 (parentFileNameHint=\"%3\"), does not exist: restore it or correct "
    "the hint")};
const FailureSentence kVmdkClonerParentOf{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "%1 (the parent of %2)")};
const FailureSentence kVmdkClonerCidMismatch{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 no longer matches its parent %2: it was made when the parent's CID was %3, and the "
    "parent's CID is now %4 (the parent was written after the child was made); VMware refuses "
    "to open such a chain")};
const FailureSentence kVmdkClonerChainLoops{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "The chain of parents of %1 loops back to %2")};
const FailureSentence kVmdkClonerCannotRemove{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot remove %1")};
const FailureSentence kVmdkClonerRawDevice{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 maps a raw device (createType \"%2\"): only disks kept in files can be cloned")};
const FailureSentence kVmdkClonerOntoItself{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Cannot clone %1 onto itself: choose another name or folder")};
const FailureSentence kVmdkClonerCannotRewrite{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot rewrite the descriptor of %1: %2")};
const FailureSentence kVmdkClonerEmbeddedExtents{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "%1 embeds a descriptor naming %2 extents; a sparse file with an embedded descriptor is a "
    "disk of one extent")};
const FailureSentence kVmdkClonerNoRoom{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "The descriptor of the clone of %1 needs %2 bytes, more than the %3 the disk reserves for "
    "it")};
const FailureSentence kVmdkClonerCannotWriteDescriptor{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot write the descriptor into %1: %2")};
const FailureSentence kVmdkClonerExtentMissing{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Extent %1 of %2 is missing: %3 (line %4 names \"%5\")")};
const FailureSentence kVmdkClonerCannotNameApart{
    QT_TRANSLATE_NOOP("vmeclone::Failure", "Cannot name the extents of the clone of %1 apart")};
const FailureSentence kVmdkClonerLinkedExtentMissing{QT_TRANSLATE_NOOP(
    "vmeclone::Failure",
    "Extent %1 of %2 is missing: %3 (line %4): a linked clone would have nothing to read")};
const FailureSentence kVmdkClonerLinkToItself{QT_TRANSLATE_NOOP(
    "vmeclone::Failure", "Cannot link %1 to itself: choose another name or folder")};

// A VMDK content id as VMware writes it: 8 hex digits.
QString cidText(quint32 cid) {
    return QStringLiteral("%1").arg(cid, 8, 16, QLatin1Char('0'));
}

constexpr qsizetype kMaxChain = 255;

// The caller's name for the clone ("vm177" or "vm177.vmdk"), checked to be one plain
// file name that a descriptor can quote.
Expected<QString> checkedBaseName(const QString &baseName) {
    QString name = baseName;
    if (name.endsWith(u".vmdk"_s, Qt::CaseInsensitive))
        name.chop(5);
    if (name.trimmed().isEmpty())
        return fail(kVmdkClonerNameNeeded());
    static const QString forbidden = u"/\\:\"*?<>|"_s;
    const bool bad = name.startsWith(u'.') || name != name.trimmed()
                     || std::any_of(name.begin(), name.end(), [](QChar c) {
                            return c.unicode() < 0x20 || forbidden.contains(c);
                        });
    if (bad)
        return fail(kVmdkClonerBadName(baseName));
    return name;
}

// The name part of a descriptor file: "golden.vmdk" -> "golden".
QString baseOf(const QString &path) {
    QString name = QFileInfo(path).fileName();
    if (name.endsWith(u".vmdk"_s, Qt::CaseInsensitive))
        name.chop(5);
    return name;
}

// "golden-s001.vmdk" -> "vm177-s001.vmdk"; names not made from the golden's own name
// keep theirs after the clone's ("disk1.vmdk" -> "vm177-disk1.vmdk").
QString cloneExtentName(const QString &sourceFile, const QString &sourceBase, const QString &base) {
    const QString name = QFileInfo(sourceFile).fileName();
    if (name.startsWith(sourceBase) && name.size() > sourceBase.size()) {
        const QChar next = name.at(sourceBase.size());
        if (next == u'-' || next == u'.' || next == u'_')
            return base + name.mid(sourceBase.size());
    }
    return base + u'-' + name;
}

bool existsNoFollow(const QString &path) {
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

QString exists(const QString &path) {
    return kVmdkClonerDestinationExists(path);
}

// Moves a finished file into place, never over an existing one (Qt renames with
// RENAME_NOREPLACE on Linux).
Status moveIntoPlace(const QString &part, const QString &path) {
    QFile file(part);
    if (!file.rename(path)) {
        const QString why = file.errorString();
        QFile::remove(part);
        if (existsNoFollow(path))
            return fail(exists(path));
        return fail(kVmdkClonerCannotRename(part, path, why));
    }
    return {};
}

struct Region {
    qint64 offset = 0;
    QByteArray bytes;
};

// Writes a new file of `length` bytes holding `regions` (the rest are holes) under a
// ".part" name, syncs it and renames it to `path`. Nothing is left on failure.
Status writeNewFile(const QString &path, const QList<Region> &regions, qint64 length) {
    if (existsNoFollow(path))
        return fail(exists(path));
    const QString part = path + DiskCopier::partSuffix();
    QFile file(part);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (existsNoFollow(part))
            return fail(kVmdkClonerPartExists(part, path));
        return fail(kVmdkClonerCannotCreate(part, file.errorString()));
    }
    auto failed = [&](const QString &what) {
        const QString message = kVmdkClonerCannotWrite(part, what);
        file.close();
        QFile::remove(part);
        return fail(message);
    };
    // Sizing first makes every byte not written below a hole: pre-allocated grain
    // tables cost no space and no time.
    if (!file.resize(length))
        return failed(file.errorString());
    for (const Region &region : regions) {
        if (!file.seek(region.offset) || file.write(region.bytes) != region.bytes.size())
            return failed(file.errorString());
    }
    if (!syncOpenFile(file))
        return failed(file.errorString());
    file.close();
    return moveIntoPlace(part, path);
}

QString randomHex(int digits) {
    QString out;
    while (out.size() < digits)
        out += u"%1"_s.arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    return out.left(digits);
}

// A new disk identity where the source had one: VMware disk UUIDs start "60 00 C2", and
// ddb.longContentID ends in the CID.
Status renewIdentity(VmdkDescriptor &d, quint32 cid) {
    if (Status s = d.setCid(cid); !s)
        return s;
    if (d.value(u"ddb.longContentID"_s).size() == 32) {
        if (Status s = d.setValue(u"ddb.longContentID"_s,
                                  randomHex(24) + u"%1"_s.arg(cid, 8, 16, QLatin1Char('0')));
            !s)
            return s;
    }
    if (d.contains(u"ddb.uuid"_s)) {
        QString uuid = u"60 00 C2"_s;
        const QString hex = randomHex(26);
        for (int i = 0; i < 13; ++i)
            uuid += (i == 5 ? u'-' : u' ') + hex.mid(i * 2, 2);
        if (Status s = d.setValue(u"ddb.uuid"_s, uuid); !s)
            return s;
    }
    return {};
}

bool isRawDevice(const VmdkDescriptor &d) {
    static const QStringList deviceTypes{u"fullDevice"_s, u"partitionedDevice"_s, u"vmfsRaw"_s,
                                         u"vmfsRawDeviceMap"_s, u"vmfsPassthroughRawDeviceMap"_s};
    if (deviceTypes.contains(d.createType(), Qt::CaseInsensitive))
        return true;
    return std::any_of(d.extents().begin(), d.extents().end(),
                       [](const VmdkExtent &e) { return e.isDevice(); });
}

Status checkDestinationFolder(const QString &folder) {
    if (!QFileInfo(folder).isDir())
        return fail(kVmdkClonerNoDestinationFolder(folder));
    return {};
}

QString native(const QString &path) {
    return QDir::toNativeSeparators(path);
}

// The descriptor of a new delta disk over `parent`, as VMware writes one.
QByteArray childDescriptor(const VmdkDescriptor &parent, const QString &parentPath, quint32 cid,
                           const QString &createType,
                           const QList<QPair<qint64, QString>> &extents) {
    QString text = u"# Disk DescriptorFile\nversion=1\nencoding=\"UTF-8\"\n"_s;
    text += u"CID=%1\nparentCID=%2\n"_s.arg(cid, 8, 16, QLatin1Char('0'))
                .arg(parent.cid(), 8, 16, QLatin1Char('0'));
    text += u"createType=\"%1\"\nparentFileNameHint=\"%2\"\n"_s.arg(createType, native(parentPath));
    text += u"# Extent description\n"_s;
    for (const auto &[sectors, file] : extents)
        text += u"RW %1 SPARSE \"%2\"\n"_s.arg(sectors).arg(file);
    text += u"\n# The Disk Data Base\n#DDB\n\n"_s;
    // Geometry, adapter and hardware version are the parent's: the guest sees the same disk.
    for (const QString &key : parent.keys()) {
        if (!key.startsWith(u"ddb."_s, Qt::CaseInsensitive)
            || key.compare(u"ddb.longContentID"_s, Qt::CaseInsensitive) == 0
            || key.compare(u"ddb.uuid"_s, Qt::CaseInsensitive) == 0)
            continue;
        text += u"%1 = \"%2\"\n"_s.arg(key, parent.value(key));
    }
    if (parent.contains(u"ddb.longContentID"_s))
        text += u"ddb.longContentID = \"%1%2\"\n"_s.arg(randomHex(24))
                    .arg(cid, 8, 16, QLatin1Char('0'));
    return text.toUtf8();
}

} // namespace

quint32 VmdkCloner::newCid() {
    while (true) {
        const quint32 cid = QRandomGenerator::system()->generate();
        if (cid != 0xffffffff && cid != 0xfffffffe)
            return cid;
    }
}

Expected<QStringList> VmdkCloner::chain(const QString &descriptor) {
    QStringList links;
    QString current = QFileInfo(descriptor).absoluteFilePath();
    while (true) {
        auto d = VmdkDescriptor::load(current);
        if (!d)
            return fail(links.isEmpty() ? d.error()
                                        : kVmdkClonerInChainOf(d.error(), links.first()));
        links << current;
        if (!d->hasParent())
            return links;
        const QString hint = d->parentFileNameHint();
        if (hint.isEmpty())
            return fail(kVmdkClonerNoParentHint(current, d->value(u"parentCID"_s)));
        const QString parent = d->parentPath();
        if (!QFileInfo(parent).isFile())
            return fail(kVmdkClonerParentMissing(current, parent, hint));
        auto p = VmdkDescriptor::load(parent);
        if (!p)
            return fail(kVmdkClonerParentOf(p.error(), current));
        if (p->cid() != d->parentCid())
            return fail(kVmdkClonerCidMismatch(current, parent, cidText(d->parentCid()),
                                               cidText(p->cid())));
        if (links.contains(parent) || links.size() > kMaxChain)
            return fail(kVmdkClonerChainLoops(links.first(), parent));
        current = parent;
    }
}

Expected<QStringList> VmdkCloner::diskFiles(const QString &descriptor) {
    auto d = VmdkDescriptor::load(descriptor);
    if (!d)
        return fail(d.error());
    QStringList files{d->path()};
    if (d->isEmbedded())
        return files;
    for (qsizetype i = 0; i < d->extents().size(); ++i) {
        const QString path = d->extentPath(i);
        if (!path.isEmpty() && !files.contains(path))
            files << path;
    }
    return files;
}

Expected<qint64> VmdkCloner::dataBytes(const QString &descriptor) {
    auto files = diskFiles(descriptor);
    if (!files)
        return fail(files.error());
    qint64 total = 0;
    for (const QString &file : std::as_const(*files)) {
        auto bytes = DiskCopier::dataBytes(file);
        if (!bytes)
            return fail(bytes.error());
        total += *bytes;
    }
    return total;
}

Status VmdkCloner::removeDisk(const QString &descriptor) {
    const QFileInfo info(descriptor);
    if (!info.exists())
        return {};
    auto files = diskFiles(descriptor);
    if (!files)
        return fail(files.error());
    const QString folder = info.absolutePath();
    Status result;
    // Extents first: a descriptor without its extents is easier to spot than the reverse.
    for (qsizetype i = files->size() - 1; i >= 0; --i) {
        const QString &file = files->at(i);
        if (QFileInfo(file).absolutePath() != folder) {
            log::vmdk()->info("{}", LogText::tr("not removing %1: it is outside the folder of %2")
                                        .arg(file, descriptor));
            continue;
        }
        if (existsNoFollow(file) && !QFile::remove(file) && result.ok())
            result = fail(kVmdkClonerCannotRemove(file));
    }
    return result;
}

bool VmdkCloner::mapsRawDevice(const VmdkDescriptor &descriptor) {
    return isRawDevice(descriptor);
}

Expected<VmdkCloneResult> VmdkCloner::fullClone(const QString &source,
                                                const QString &destinationFolder,
                                                const QString &baseName,
                                                const std::atomic_bool *cancel,
                                                const Progress &progress) {
    auto base = checkedBaseName(baseName);
    if (!base)
        return fail(base.error());
    auto loaded = VmdkDescriptor::load(source);
    if (!loaded)
        return fail(loaded.error());
    VmdkDescriptor d = std::move(*loaded);
    if (isRawDevice(d))
        return fail(kVmdkClonerRawDevice(d.path(), d.createType()));
    if (d.hasParent()) {
        if (auto links = chain(d.path()); !links)
            return fail(links.error());
    }
    if (Status s = checkDestinationFolder(destinationFolder); !s)
        return fail(s.error());

    const QDir folder(destinationFolder);
    VmdkCloneResult result;
    result.descriptorPath = QDir::cleanPath(folder.absoluteFilePath(*base + u".vmdk"_s));
    result.cid = newCid();
    result.parentCid = d.parentCid();
    if (QFileInfo(result.descriptorPath) == QFileInfo(d.path()))
        return fail(kVmdkClonerOntoItself(d.path()));
    if (existsNoFollow(result.descriptorPath))
        return fail(exists(result.descriptorPath));

    if (Status s = renewIdentity(d, result.cid); !s)
        return fail(kVmdkClonerCannotRewrite(d.path(), s.error()));
    // The copy lives elsewhere: a parent named relative to the source's folder is named
    // absolutely, so it is still found.
    if (d.hasParent() && !QDir::isAbsolutePath(d.parentFileNameHint()))
        if (Status s = d.setParentFileNameHint(native(d.parentPath())); !s)
            return fail(s.error());
    // VMware's change-tracking file belongs to the source (ESX): the copy starts without.
    d.remove(u"changeTrackPath"_s);

    QElapsedTimer timer;
    timer.start();
    if (d.isEmbedded()) {
        // One file holds the descriptor: copy it under a temporary name, rewrite the
        // descriptor inside the copy, then rename it into place.
        if (d.extents().size() != 1)
            return fail(kVmdkClonerEmbeddedExtents(d.path(), d.extents().size()));
        if (Status s = d.setExtentFileName(0, *base + u".vmdk"_s); !s)
            return fail(s.error());
        const QString part = result.descriptorPath + DiskCopier::partSuffix();
        if (existsNoFollow(part))
            return fail(kVmdkClonerPartExists(part, result.descriptorPath));
        if (Status s = DiskCopier::copyFile(d.path(), part, cancel, progress); !s)
            return fail(s.error());
        const SparseExtentHeader &header = *d.header();
        const qint64 room = qint64(header.descriptorSize) * SparseExtentHeader::kSectorSize;
        QByteArray text = d.toBytes();
        auto abandon = [&](const QString &message) {
            QFile::remove(part);
            return fail(message);
        };
        if (text.size() >= room)
            return abandon(kVmdkClonerNoRoom(d.path(), text.size(), room));
        text.append(QByteArray(room - text.size(), '\0'));
        QFile copy(part);
        if (!copy.open(QIODevice::ReadWrite)
            || !copy.seek(qint64(header.descriptorOffset) * SparseExtentHeader::kSectorSize)
            || copy.write(text) != text.size() || !syncOpenFile(copy))
            return abandon(kVmdkClonerCannotWriteDescriptor(part, copy.errorString()));
        copy.close();
        if (Status s = moveIntoPlace(part, result.descriptorPath); !s)
            return fail(s.error());
        result.files << result.descriptorPath;
    } else {
        const QString sourceBase = baseOf(d.path());
        QList<QPair<QString, QString>> copies; // source path -> clone path, each file once
        QSet<QString> taken{result.descriptorPath.toLower()};
        for (qsizetype i = 0; i < d.extents().size(); ++i) {
            if (!d.extents()[i].hasFile())
                continue;
            const QString from = d.extentPath(i);
            auto known = std::find_if(copies.begin(), copies.end(),
                                      [&](const auto &c) { return c.first == from; });
            QString to;
            if (known != copies.end()) {
                to = known->second;
            } else {
                if (!QFileInfo(from).isFile())
                    return fail(kVmdkClonerExtentMissing(i + 1, d.path(), from, d.extents()[i].line,
                                                         d.extents()[i].fileName));
                to = folder.absoluteFilePath(cloneExtentName(from, sourceBase, *base));
                if (taken.contains(to.toLower()))
                    to = folder.absoluteFilePath(
                        u"%1-e%2.vmdk"_s.arg(*base).arg(i + 1, 3, 10, QLatin1Char('0')));
                if (taken.contains(to.toLower()))
                    return fail(kVmdkClonerCannotNameApart(d.path()));
                if (existsNoFollow(to))
                    return fail(exists(to));
                taken.insert(to.toLower());
                copies.append({from, to});
            }
            if (Status s = d.setExtentFileName(i, QFileInfo(to).fileName()); !s)
                return fail(s.error());
        }
        if (Status s = DiskCopier::copyFiles(copies, cancel, progress); !s)
            return fail(s.error());
        QStringList extents;
        for (const auto &copy : std::as_const(copies))
            extents << copy.second;
        // The descriptor last: the clone exists only once every extent is in place.
        if (Status s =
                writeNewFile(result.descriptorPath, {Region{0, d.toBytes()}}, d.toBytes().size());
            !s) {
            for (const QString &extent : std::as_const(extents))
                QFile::remove(extent);
            return fail(s.error());
        }
        result.files << result.descriptorPath << extents;
    }
    // Best effort, as before: the files themselves were made durable.
    (void)syncPath(folder.absolutePath());
    log::vmdk()->info("{}", LogText::tr("full clone of %1 -> %2 (%n file(s), CID %3) in %4 ms",
                                        nullptr, static_cast<int>(result.files.size()))
                                .arg(d.path(), result.descriptorPath, cidText(result.cid))
                                .arg(timer.elapsed()));
    return result;
}

Expected<VmdkCloneResult> VmdkCloner::linkedClone(const QString &parent,
                                                  const QString &destinationFolder,
                                                  const QString &baseName, LinkedLayout layout) {
    auto base = checkedBaseName(baseName);
    if (!base)
        return fail(base.error());
    auto loaded = VmdkDescriptor::load(parent);
    if (!loaded)
        return fail(loaded.error());
    const VmdkDescriptor &p = *loaded;
    if (p.hasParent()) {
        if (auto links = chain(p.path()); !links)
            return fail(links.error());
    }
    for (qsizetype i = 0; i < p.extents().size() && !p.isEmbedded(); ++i) {
        const QString extent = p.extentPath(i);
        if (!extent.isEmpty() && !QFileInfo(extent).isFile())
            return fail(
                kVmdkClonerLinkedExtentMissing(i + 1, p.path(), extent, p.extents()[i].line));
    }
    if (Status s = checkDestinationFolder(destinationFolder); !s)
        return fail(s.error());
    if (p.createType().compare(u"streamOptimized"_s, Qt::CaseInsensitive) == 0)
        log::vmdk()->warn("{}", LogText::tr("%1 is streamOptimized: QEMU reads it as a parent, "
                                            "VMware runs only disks converted from it")
                                    .arg(p.path()));

    const qint64 capacity = p.capacitySectors();
    const bool split = layout == LinkedLayout::Split
                       || (layout == LinkedLayout::LikeParent
                           && p.createType().startsWith(u"twoGbMaxExtent"_s, Qt::CaseInsensitive));
    const QDir folder(destinationFolder);
    VmdkCloneResult result;
    result.descriptorPath = QDir::cleanPath(folder.absoluteFilePath(*base + u".vmdk"_s));
    result.cid = newCid();
    result.parentCid = p.cid();
    if (QFileInfo(result.descriptorPath) == QFileInfo(p.path()))
        return fail(kVmdkClonerLinkToItself(p.path()));
    if (existsNoFollow(result.descriptorPath))
        return fail(exists(result.descriptorPath));

    QElapsedTimer timer;
    timer.start();
    if (!split) {
        const QByteArray text = childDescriptor(p, p.path(), result.cid, u"monolithicSparse"_s,
                                                {{capacity, *base + u".vmdk"_s}});
        const quint64 sectors =
            std::max<quint64>(SparseExtentHeader::kDefaultDescriptorSectors,
                              quint64(text.size()) / SparseExtentHeader::kSectorSize + 1);
        const SparseExtentHeader h = SparseExtentHeader::forNewExtent(quint64(capacity), sectors);
        const qint64 sector = SparseExtentHeader::kSectorSize;
        const QList<Region> regions{
            {0, h.toBytes()},
            {qint64(h.descriptorOffset) * sector, text},
            {qint64(h.rgdOffset) * sector, h.newGrainDirectory(h.rgdOffset)},
            {qint64(h.gdOffset) * sector, h.newGrainDirectory(h.gdOffset)},
        };
        if (Status s = writeNewFile(result.descriptorPath, regions, qint64(h.overHead) * sector);
            !s)
            return fail(s.error());
        result.files << result.descriptorPath;
    } else {
        QList<QPair<qint64, QString>> extents;
        for (qint64 done = 0; done < capacity; done += kSplitExtentSectors) {
            extents.append(
                {std::min(kSplitExtentSectors, capacity - done),
                 u"%1-s%2.vmdk"_s.arg(*base).arg(extents.size() + 1, 3, 10, QLatin1Char('0'))});
        }
        QStringList written;
        auto abandon = [&](const QString &message) {
            for (const QString &file : std::as_const(written))
                QFile::remove(file);
            return fail(message);
        };
        for (const auto &[sectors, name] : std::as_const(extents)) {
            const QString path = folder.absoluteFilePath(name);
            const SparseExtentHeader h = SparseExtentHeader::forNewExtent(quint64(sectors), 0);
            const qint64 sector = SparseExtentHeader::kSectorSize;
            const QList<Region> regions{
                {0, h.toBytes()},
                {qint64(h.rgdOffset) * sector, h.newGrainDirectory(h.rgdOffset)},
                {qint64(h.gdOffset) * sector, h.newGrainDirectory(h.gdOffset)},
            };
            if (Status s = writeNewFile(path, regions, qint64(h.overHead) * sector); !s)
                return abandon(s.error());
            written << path;
        }
        const QByteArray text =
            childDescriptor(p, p.path(), result.cid, u"twoGbMaxExtentSparse"_s, extents);
        if (Status s = writeNewFile(result.descriptorPath, {Region{0, text}}, text.size()); !s)
            return abandon(s.error());
        result.files << result.descriptorPath << written;
    }
    // Best effort, as before: the files themselves were made durable.
    (void)syncPath(folder.absolutePath());
    log::vmdk()->info("{}", LogText::tr("linked clone %1 over %2 (parent CID %3, CID %4) in %5 ms")
                                .arg(result.descriptorPath, p.path(), cidText(result.parentCid),
                                     cidText(result.cid))
                                .arg(timer.elapsed()));
    return result;
}

} // namespace vmeclone

#pragma once
// The text descriptor of a VMware disk: a file of its own (monolithicFlat, twoGbMaxExtent*,
// vmfs*, a split linked clone), or embedded in a KDMV sparse extent (monolithicSparse,
// streamOptimized). It names the disk's content id (CID), its parent's (parentCID and
// parentFileNameHint for a delta/linked clone), and its extents in order:
//
//   # Disk DescriptorFile
//   version=1
//   CID=b98f6a46
//   parentCID=ffffffff
//   createType="twoGbMaxExtentSparse"
//   RW 4192256 SPARSE "disk-s001.vmdk"
//   RW 2048 FLAT "disk-flat.vmdk" 0
//   RW 1024 ZERO
//   ddb.adapterType = "lsilogic"
//
// Lines are kept as they were read, unknown ones included: a descriptor that is not
// changed writes back byte for byte, and a changed one differs only in its changed lines.
// Keys are case-insensitive, as VMware reads them.

#include "common/expected.h"
#include "vmdk/sparse_extent_header.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vmeclone {

enum class VmdkExtentType { Sparse, Flat, Zero, Vmfs, VmfsSparse, VmfsRdm, VmfsRaw, SeSparse };

struct VmdkExtent {
    QString access; // "RW", "RDONLY" or "NOACCESS"
    qint64 sectors = 0;
    VmdkExtentType type = VmdkExtentType::Sparse;
    QString typeName; // as written: "SPARSE", "FLAT", ...
    QString
        fileName; // as written: relative to the descriptor's folder, or absolute; empty for ZERO
    std::optional<qint64> offset; // FLAT: sector in the file where the extent starts
    int line = 0;                 // 1-based line in the descriptor

    bool hasFile() const { return type != VmdkExtentType::Zero; }
    // Raw devices (VMFSRDM, VMFSRAW): not files vmeclone can copy.
    bool isDevice() const {
        return type == VmdkExtentType::VmfsRdm || type == VmdkExtentType::VmfsRaw;
    }
};

class VmdkDescriptor {
public:
    static constexpr quint32 kNoParent = 0xffffffff;

    // Reads the descriptor of the disk at `path`, opened read-only: a text descriptor,
    // or the one embedded in a KDMV sparse extent. Errors name the file, and the line
    // for a malformed descriptor ("disk.vmdk line 7: ...").
    static Expected<VmdkDescriptor> load(const QString &path);

    // Parses descriptor text; `origin` names it in errors (a path, usually).
    static Expected<VmdkDescriptor> parse(const QByteArray &text, const QString &origin);

    // The descriptor text: the bytes read, with only the changed lines rewritten.
    QByteArray toBytes() const;

    // Where it was loaded from (absolute), its folder, and whether it lives inside a
    // sparse extent (then header() is that extent's header: the descriptor may grow up
    // to header().descriptorSize sectors).
    QString path() const { return m_path; }
    QString folder() const;
    bool isEmbedded() const { return m_header.has_value(); }
    const std::optional<SparseExtentHeader> &header() const { return m_header; }

    int version() const;
    QString createType() const;
    QString encoding() const; // the "encoding" key, empty when absent

    quint32 cid() const;
    // Sets CID and keeps ddb.longContentID (when present) ending in the same 8 digits,
    // as VMware keeps them.
    Status setCid(quint32 cid);
    quint32 parentCid() const; // kNoParent when the disk has no parent
    Status setParentCid(quint32 cid);
    bool hasParent() const { return parentCid() != kNoParent; }
    QString parentFileNameHint() const;
    Status setParentFileNameHint(const QString &hint);
    // The hint resolved against folder(); empty without a parent.
    QString parentPath() const;

    const QList<VmdkExtent> &extents() const { return m_extents; }
    Status setExtentFileName(qsizetype index, const QString &fileName);
    // The extent's file, resolved against folder(); empty for ZERO.
    QString extentPath(qsizetype index) const;
    qint64 capacitySectors() const;

    // Any "key = value" line, header or ddb.*, case-insensitive; empty when absent.
    QString value(const QString &key) const;
    bool contains(const QString &key) const;
    QStringList keys() const;
    // Rewrites the key's line in place (keeping its spacing and quoting), or adds one:
    // header keys after the last header key, ddb.* keys at the end. Refuses values a
    // descriptor cannot hold (quotes, line breaks) or its encoding cannot write.
    Status setValue(const QString &key, const QString &value);
    void remove(const QString &key);

private:
    struct Line {
        QByteArray text; // without the line end
        QByteArray end;  // "\n", "\r\n" or "" (last line)
    };
    struct Entry {
        QString key;
        QString value;
        int line = 0; // index into m_lines
        bool quoted = false;
    };

    qsizetype entryIndex(const QString &key) const;
    Expected<QByteArray> encode(const QString &text) const;
    QString decode(const QByteArray &bytes) const;
    Status rewriteExtentLine(qsizetype index);
    Status validate(const QString &origin) const;

    QString m_path;
    std::optional<SparseExtentHeader> m_header;
    QList<Line> m_lines;
    QList<Entry> m_entries;
    QList<VmdkExtent> m_extents;
    QByteArray m_codec; // decoder name for non-ASCII text; empty: UTF-8
};

} // namespace vmeclone

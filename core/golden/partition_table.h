#pragma once
// The partition table of a raw disk image: MBR (with logical partitions in an extended
// one) or GPT. A small reader of its own, so `vmeclone golden check` needs no sfdisk and
// no loop device: it only reads bytes of an image file.

#include "common/expected.h"

#include <QIODevice>
#include <QList>
#include <QString>

namespace vmeclone {

struct Partition {
    int number = 0;    // as Linux numbers them: 1-4 primary (MBR) or entries (GPT), 5+ logical
    qint64 offset = 0; // bytes from the start of the disk
    qint64 size = 0;   // bytes
    QString type;      // MBR: "0x83"; GPT: the type GUID, upper case
};

class PartitionTable {
public:
    enum class Scheme { None, Mbr, Gpt };

    // Reads the table of the disk image `disk` (open for reading, random access).
    // Scheme::None when the disk has no table (a file system on the whole disk, or
    // nothing); an error when a table is there but broken (names the disk and the fault).
    static Expected<PartitionTable> read(QIODevice &disk, const QString &nameForMessages);

    Scheme scheme() const { return m_scheme; }
    const QList<Partition> &partitions() const { return m_partitions; }

    // "Linux", "Linux LVM", "EFI system", ... for a Partition::type; the type itself
    // when it is not one of the common ones.
    static QString typeName(const QString &type);
    static QString schemeName(Scheme scheme);

private:
    Scheme m_scheme = Scheme::None;
    QList<Partition> m_partitions;
};

} // namespace vmeclone

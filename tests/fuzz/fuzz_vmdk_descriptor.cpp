// Fuzzes VmdkDescriptor::load on a file holding the input: a text descriptor, or a KDMV
// sparse extent with its embedded descriptor (the header's offsets are the fuzzer's to
// choose). The file is a memfd, so a crash leaves nothing behind. Properties:
//  - an error names the file;
//  - a loaded descriptor writes back byte for byte: its text (the file's, or the embedded
//    sectors') up to the first NUL;
//  - what the cloner edits (CID, the first extent's file name) is refused with a reason or
//    writes a descriptor that parses again with the new values and the same extents.

#include "common/logging.h"
#include "fuzz_check.h"
#include "vmdk/vmdk_descriptor.h"

#include <QString>

#include <sys/mman.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace vmeclone;

namespace {

int memfd = -1;
QString memfdPath;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    log::setup(spdlog::level::off);
    memfd = memfd_create("fuzz_vmdk_descriptor", MFD_CLOEXEC);
    FUZZ_CHECK(memfd >= 0);
    memfdPath = u"/proc/self/fd/%1"_s.arg(memfd);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    FUZZ_CHECK(ftruncate(memfd, 0) == 0);
    FUZZ_CHECK(pwrite(memfd, data, size, 0) == static_cast<ssize_t>(size));

    auto loaded = VmdkDescriptor::load(memfdPath);
    if (!loaded) {
        FUZZ_CHECK(loaded.error().contains(memfdPath));
        return 0;
    }
    VmdkDescriptor d = std::move(*loaded);
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QByteArray text = bytes;
    if (d.isEmbedded()) {
        const SparseExtentHeader &h = *d.header();
        FUZZ_CHECK(SparseExtentHeader::hasMagic(bytes) && h.hasEmbeddedDescriptor());
        text = bytes.mid(qsizetype(h.descriptorOffset * 512), qsizetype(h.descriptorSize * 512));
    }
    // A descriptor ends at its first NUL, embedded or not (qemu pads and leaves old tails).
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0)
        text.truncate(nul);
    FUZZ_CHECK(d.toBytes() == text);

    // What the cloner reads.
    FUZZ_CHECK(!d.extents().isEmpty());
    qint64 sectors = 0;
    for (qsizetype i = 0; i < d.extents().size(); ++i) {
        const VmdkExtent &e = d.extents()[i];
        FUZZ_CHECK(e.sectors > 0 && e.line >= 1);
        FUZZ_CHECK(e.hasFile() == !e.fileName.isEmpty());
        FUZZ_CHECK(d.extentPath(i).isEmpty() == !e.hasFile());
        sectors += e.sectors;
    }
    FUZZ_CHECK(d.capacitySectors() == sectors);
    (void)d.version();
    (void)d.createType();
    (void)d.parentPath();
    for (const QString &key : d.keys())
        FUZZ_CHECK(d.contains(key));

    // What the cloner writes.
    const QList<VmdkExtent> extents = d.extents();
    // A value the descriptor cannot hold (a damaged ddb.longContentID with a quote in it) is
    // refused with a reason, not written.
    if (const Status s = d.setCid(0x1234abcd); !s) {
        FUZZ_CHECK(!s.error().isEmpty());
        return 0;
    }
    const bool renamed = extents.first().hasFile();
    if (renamed)
        FUZZ_CHECK(d.setExtentFileName(0, u"clone-s001.vmdk"_s).ok());
    auto edited = VmdkDescriptor::parse(d.toBytes(), u"edited.vmdk"_s);
    FUZZ_CHECK(edited.ok());
    FUZZ_CHECK(edited->cid() == 0x1234abcd);
    FUZZ_CHECK(edited->extents().size() == extents.size());
    if (renamed)
        FUZZ_CHECK(edited->extents().first().fileName == u"clone-s001.vmdk");
    for (qsizetype i = renamed ? 1 : 0; i < extents.size(); ++i)
        FUZZ_CHECK(edited->extents()[i].fileName == extents[i].fileName);
    return 0;
}

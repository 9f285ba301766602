// Fuzzes VmxDocument::parse, which reads every golden's .vmx. Properties:
//  - an error names the file;
//  - a parsed file writes back byte for byte (toBytes() == input);
//  - every key it lists is found again;
//  - an edit as the clone rewriter makes it (set displayName to text taken from the
//    input, remove uuid.bios) writes a file that parses again, holds the new value, and
//    keeps every other value as it was.

#include "common/logging.h"
#include "fuzz_check.h"
#include "vmx/vmx_document.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace vmeclone;

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    log::setup(spdlog::level::off);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString name = u"fuzz.vmx"_s;
    auto parsed = VmxDocument::parse(bytes, name);
    if (!parsed) {
        FUZZ_CHECK(parsed.error().contains(name));
        return 0;
    }
    VmxDocument doc = std::move(*parsed);
    FUZZ_CHECK(doc.toBytes() == bytes);
    FUZZ_CHECK(!doc.encoding().isEmpty());

    const QStringList keys = doc.keys();
    QHash<QString, QString> before;
    for (const QString &key : keys) {
        FUZZ_CHECK(doc.contains(key));
        before.insert(key.toCaseFolded(), doc.value(key));
    }
    const QStringList nics = doc.keysMatching(QRegularExpression(u"ethernet[0-9]+\\..*"_s));
    for (const QString &key : nics)
        FUZZ_CHECK(keys.contains(key));

    // The new name: the input's last bytes, so the fuzzer steers it (any character,
    // quotes, '|', control characters, text the file's character set cannot hold).
    const qsizetype tail = qMin<qsizetype>(bytes.size(), 24);
    const QString displayName = QString::fromUtf8(bytes.right(tail));
    doc.set(u"displayName"_s, displayName);
    doc.remove(u"uuid.bios"_s);

    auto edited = VmxDocument::parse(doc.toBytes(), name);
    FUZZ_CHECK(edited.ok());
    FUZZ_CHECK(edited->value(u"displayName"_s) == displayName);
    FUZZ_CHECK(!edited->contains(u"uuid.bios"_s));
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (it.key() == u"displayname" || it.key() == u"uuid.bios" || it.key() == u".encoding")
            continue;
        FUZZ_CHECK(edited->value(it.key()) == it.value());
    }
    return 0;
}

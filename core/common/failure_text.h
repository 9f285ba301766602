#pragma once
// Core's failure sentences ("cannot start vm177: ..."), said in the reader's language.
//
// A failure travels in English: Error::message, a VM's reason and the events in the
// inventory, a host's answer over SSH. It is made from a FailureSentence, which registers
// its English text for lupdate (context "vmeclone::Failure") and for failureText(): a
// reader with a translator installed (the console; the CLI under VMECLONE_LANGUAGE)
// matches the English against every registered sentence and says the best match in its
// own language, each argument (often a failure itself: "cannot make the template of %1:
// %2") said the same way. Text no sentence matches, such as a tool's stderr or the
// system's strerror, stays as it came.
//
//   namespace {
//   const FailureSentence kCannotDelete{
//       QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot delete %1 completely: check its
//       permissions")};
//   }
//   return fail(kCannotDelete(vm.folder));
//
// A sentence is a namespace-scope constant of a .cpp file, so that it is registered before
// main() runs; its placeholders are %1..%9, each used at least once.

#include <QString>
#include <QStringList>

#include <type_traits>

namespace vmeclone {

class FailureSentence {
public:
    explicit FailureSentence(const char *english);

    const char *english() const { return m_english; }

    // The sentence in English with its arguments: strings as they are, numbers in full.
    template <typename... Args>
    QString operator()(const Args &...args) const {
        return fill(QStringList{text(args)...});
    }

    // Every registered sentence's English text, in registration order (tests walk them).
    static QStringList all();

private:
    QString fill(const QStringList &args) const;
    template <typename T>
    static QString text(const T &value) {
        if constexpr (std::is_arithmetic_v<T>)
            return QString::number(value);
        else if constexpr (std::is_convertible_v<const T &, const char *>)
            return QString::fromUtf8(value);
        else
            return QString(value);
    }

    const char *m_english;
};

// Sentences said by files of several folders alike (a file's own stay in that file).
namespace failures {
extern const FailureSentence kCannotRead;  // path, the system's reason
extern const FailureSentence kCannotWrite; // path, the system's reason
extern const FailureSentence kCannotRun;   // program, the system's reason
} // namespace failures

// `english` in the installed translator's language, when it is made of registered
// sentences; as it is otherwise, or when no translator is installed.
QString failureText(const QString &english);

} // namespace vmeclone

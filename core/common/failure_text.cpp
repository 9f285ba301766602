#include "common/failure_text.h"

#include "common/translations.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {
namespace {

constexpr const char *kFailureContext = "vmeclone::Failure";
constexpr int kFailureDeepest = 6; // how deep arguments are said again: failures nest a few levels

// A registered sentence, ready to be matched: its English split at the placeholders.
struct FailurePattern {
    const char *english = nullptr;
    QString prefix;   // the literal text before the first placeholder
    QString longest;  // its longest literal piece, for a cheap test before the pattern
    int literal = 0;  // how many literal characters: the more, the better a match
    QList<int> order; // the placeholder number of each capture group
    QRegularExpression pattern;
};

struct FailureRegistry {
    QMutex mutex;
    QList<const char *> sentences;  // registration order
    QList<FailurePattern> patterns; // made on first use, from `sentences`
    bool stale = true;
    QString cacheLanguage;
    QHash<QString, QString> cache; // English -> said, in cacheLanguage
};

FailureRegistry &failureRegistry() {
    static FailureRegistry r;
    return r;
}

FailurePattern makeFailurePattern(const char *english) {
    FailurePattern p;
    p.english = english;
    const QString text = QString::fromUtf8(english);
    static const QRegularExpression placeholder(u"%([1-9])"_s);
    QString regex = u"^"_s;
    qsizetype at = 0;
    QList<int> seen;
    auto literal = [&](const QString &piece) {
        regex += QRegularExpression::escape(piece);
        p.literal += static_cast<int>(piece.size());
        if (piece.size() > p.longest.size())
            p.longest = piece;
    };
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString piece = text.mid(at, m.capturedStart() - at);
        if (seen.isEmpty())
            p.prefix = piece;
        literal(piece);
        const int number = m.captured(1).toInt();
        if (const auto index = seen.indexOf(number); index >= 0) {
            regex += u"\\%1"_s.arg(index + 1); // the same argument again
        } else {
            seen << number;
            regex += u"(.+?)"_s;
        }
        at = m.capturedEnd();
    }
    if (seen.isEmpty())
        p.prefix = text;
    literal(text.mid(at));
    regex += u"$"_s;
    p.order = seen;
    p.pattern = QRegularExpression(regex, QRegularExpression::DotMatchesEverythingOption);
    p.pattern.optimize();
    return p;
}

// Replaces %1..%9 of `sentence` with `args` in one pass (an argument's own "%1" stays).
QString fillPlaceholders(const QString &sentence, const QStringList &args) {
    QString out;
    out.reserve(sentence.size() + 32);
    for (qsizetype i = 0; i < sentence.size(); ++i) {
        const QChar c = sentence.at(i);
        if (c == u'%' && i + 1 < sentence.size() && sentence.at(i + 1) >= u'1'
            && sentence.at(i + 1) <= u'9') {
            const int n = sentence.at(i + 1).digitValue();
            if (n <= args.size()) {
                out += args.at(n - 1);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString sayFailure(const QList<FailurePattern> &patterns, const QString &english, int depth) {
    if (depth > kFailureDeepest || english.isEmpty())
        return english;
    const FailurePattern *best = nullptr;
    QRegularExpressionMatch bestMatch;
    for (const FailurePattern &p : patterns) {
        if ((best && p.literal <= best->literal) || !english.startsWith(p.prefix)
            || !english.contains(p.longest))
            continue;
        auto m = p.pattern.match(english);
        if (m.hasMatch()) {
            best = &p;
            bestMatch = m;
        }
    }
    if (!best)
        return english;
    QStringList args(
        best->order.isEmpty() ? 0 : *std::max_element(best->order.cbegin(), best->order.cend()));
    for (qsizetype i = 0; i < best->order.size(); ++i)
        args[best->order.at(i) - 1] =
            sayFailure(patterns, bestMatch.captured(static_cast<int>(i) + 1), depth + 1);
    return fillPlaceholders(QCoreApplication::translate(kFailureContext, best->english), args);
}

} // namespace

FailureSentence::FailureSentence(const char *english)
    : m_english(english) {
    FailureRegistry &r = failureRegistry();
    QMutexLocker lock(&r.mutex);
    const bool known = std::any_of(r.sentences.cbegin(), r.sentences.cend(),
                                   [&](const char *s) { return qstrcmp(s, english) == 0; });
    if (!known) {
        r.sentences << english;
        r.stale = true;
    }
}

QString FailureSentence::fill(const QStringList &args) const {
    return fillPlaceholders(QString::fromUtf8(m_english), args);
}

QStringList FailureSentence::all() {
    FailureRegistry &r = failureRegistry();
    QMutexLocker lock(&r.mutex);
    QStringList english;
    for (const char *s : std::as_const(r.sentences))
        english << QString::fromUtf8(s);
    return english;
}

QString failureText(const QString &english) {
    const QString language = Translations::installed();
    // English is what the sentences say already (its translation only has plural forms).
    if (language.isEmpty() || language.startsWith(u"en"_s) || language == u"C"_s
        || english.isEmpty())
        return english;
    FailureRegistry &r = failureRegistry();
    QMutexLocker lock(&r.mutex);
    if (r.stale) {
        r.patterns.clear();
        for (const char *s : std::as_const(r.sentences))
            r.patterns << makeFailurePattern(s);
        r.stale = false;
        r.cache.clear();
    }
    if (r.cacheLanguage != language) {
        r.cache.clear();
        r.cacheLanguage = language;
    }
    if (const auto it = r.cache.constFind(english); it != r.cache.cend())
        return *it;
    const QString said = sayFailure(r.patterns, english, 0);
    if (r.cache.size() > 4096) // reasons repeat: a table of thousands has few distinct ones
        r.cache.clear();
    r.cache.insert(english, said);
    return said;
}

namespace failures {
const FailureSentence kCannotRead{QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot read %1: %2")};
const FailureSentence kCannotWrite{QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot write %1: %2")};
const FailureSentence kCannotRun{QT_TRANSLATE_NOOP("vmeclone::Failure", "cannot run %1: %2")};
} // namespace failures

} // namespace vmeclone

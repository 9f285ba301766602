#pragma once
// A value or an operator-facing error message. Failures in vmeclone are expected
// events (bad input, full disk, a VM that will not boot), so they travel as values.
// A refusal of what the operator gave also says which input and what is wrong with it
// (validation.h), so that each front end can word it its own way.

#include "common/validation.h"

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace vmeclone {

struct Error {
    Error() = default;
    explicit Error(QString text) : message(std::move(text)) {}
    Error(QString text, Problem what, Field which, QString given)
        : message(std::move(text)), problem(what), field(which), value(std::move(given)) {}

    QString message; // English, complete on its own; never names a CLI flag
    // Set for a refusal of an input (refuse()); None for every other failure.
    Problem problem = Problem::None;
    Field field = Field::None;
    QString value; // the offending value as given or read (may be empty)

    bool isRefusal() const { return field != Field::None; }
};

template <typename T>
class [[nodiscard]] Expected {
public:
    Expected(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Expected(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    // Empty when ok(), so QVERIFY2(x.ok(), qPrintable(x.error())) is safe (Qt 6.4
    // evaluates the message even when the check passes).
    const QString &error() const { return failure().message; }
    // The whole error (field, problem, value); empty when ok(). Pass it on as it is
    // (return x.failure();) where a refusal's field must reach the front end.
    const Error &failure() const
    {
        static const Error none;
        return ok() ? none : std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Expected<void> {
public:
    Expected() = default;
    Expected(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return failure().message; }
    const Error &failure() const
    {
        static const Error none;
        return m_error ? *m_error : none;
    }

private:
    std::optional<Error> m_error;
};

using Status = Expected<void>;

inline Error fail(QString message)
{
    return Error{std::move(message)};
}

// A refusal of one input: `value` is what was given (or what the golden said), and
// `message` says what is wrong in the engine's words, naming the input by what it is
// ("the suffix 300 is not a host of 10.0.0.0/24"), never by a flag.
inline Error refuse(Problem problem, Field field, QString value, QString message)
{
    return Error{std::move(message), problem, field, std::move(value)};
}

} // namespace vmeclone

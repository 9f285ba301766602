#pragma once
// A value or an operator-facing error message. Failures in vmeclone are expected
// events (bad input, full disk, a VM that will not boot), so they travel as values.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace vmeclone {

struct Error {
    QString message;
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
    const QString &error() const
    {
        static const QString none;
        return ok() ? none : std::get<1>(m_data).message;
    }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Expected<void> {
public:
    Expected() = default;
    Expected(Error error) : m_error(std::move(error.message)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString &error() const
    {
        static const QString none;
        return m_error ? *m_error : none;
    }

private:
    std::optional<QString> m_error;
};

using Status = Expected<void>;

inline Error fail(QString message)
{
    return Error{std::move(message)};
}

} // namespace vmeclone

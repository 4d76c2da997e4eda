// StatusCode.hpp -- the result of a tool call that can fail: an hbl_status code and a message.
#ifndef HBL_STATUSCODE_HPP
#define HBL_STATUSCODE_HPP

#include <string>
#include <utility>

#include "hbl/hbl.h"

namespace hbl {

/// Result of a fallible tool call, in the spirit of Athena's StatusCode, but carrying the
/// reason with it so that the C interface can hand the text to its caller. A value type;
/// [[nodiscard]] because a dropped failure is the classic bug of StatusCode-style code.
class [[nodiscard]] StatusCode {
public:
    /// The successful result.
    static StatusCode success() { return StatusCode(HBL_OK, std::string()); }

    /// A failure with a code other than HBL_OK and a message naming what went wrong.
    static StatusCode failure(hbl_status code, std::string message) {
        return StatusCode(code, std::move(message));
    }

    bool isSuccess() const { return m_code == HBL_OK; }
    bool isFailure() const { return !isSuccess(); }
    hbl_status code() const { return m_code; }
    const std::string& message() const { return m_message; }

private:
    StatusCode(hbl_status code, std::string message)
        : m_code(code), m_message(std::move(message)) {}

    hbl_status m_code;
    std::string m_message;
};

}  // namespace hbl

/// Returns the StatusCode of `expr` from the enclosing function when it is a failure
/// (the counterpart of Athena's ATH_CHECK / ANA_CHECK).
#define HBL_CHECK(expr)                                    \
    do {                                                   \
        ::hbl::StatusCode hbl_check_sc_ = (expr);          \
        if (hbl_check_sc_.isFailure()) return hbl_check_sc_; \
    } while (false)

#endif  // HBL_STATUSCODE_HPP

// TextUtils.hpp -- locale-independent parsing and "did you mean" helpers shared by the tools.
#ifndef HBL_TEXTUTILS_HPP
#define HBL_TEXTUTILS_HPP

#include <string>
#include <string_view>
#include <vector>

namespace hbl::text {

/// Parses a finite number written in the C locale ("7000", "2.47", "-1e3"), ignoring
/// surrounding blanks. Returns false for empty text, trailing characters, inf or nan.
bool parseDouble(std::string_view text, double& out);

/// Removes leading and trailing blanks (space, tab, CR, LF).
std::string_view trim(std::string_view text);

/// Splits on `separator`, keeping empty fields ("a,,b" gives three fields).
std::vector<std::string_view> split(std::string_view text, char separator);

/// A number in the shortest usual form, up to 10 significant digits ("-2.5", "7000").
std::string formatNumber(double value);

/// Joins names with ", ".
std::string join(const std::vector<std::string>& names);

/// The candidates closest to `wanted` by edit distance (case-insensitive), at most three,
/// joined with ", ". Used to answer an unknown name with the nearest valid ones.
std::string nearestNames(std::string_view wanted, const std::vector<std::string>& candidates);

}  // namespace hbl::text

#endif  // HBL_TEXTUTILS_HPP

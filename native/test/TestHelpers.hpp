// TestHelpers.hpp -- small builders shared by the GoogleTest suites.
#ifndef HBL_TEST_TESTHELPERS_HPP
#define HBL_TEST_TESTHELPERS_HPP

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <string>

#include "hbl/Lepton.hpp"

namespace hbl::test {

constexpr double kPi = 3.14159265358979323846;

/// A massless lepton (E = pT cosh(eta)) with momenta given in GeV, stored in MeV.
inline Lepton masslessLepton(unsigned type, int charge, double ptGeV, double eta, double phi,
                             int index) {
    Lepton lepton;
    lepton.type = type;
    lepton.charge = charge;
    lepton.pt = ptGeV * 1000.0;
    lepton.eta = eta;
    lepton.phi = phi;
    lepton.e = lepton.pt * std::cosh(eta);
    lepton.index = index;
    return lepton;
}

/// Passes when `text` begins with `prefix` (messages whose tail lists many names).
inline ::testing::AssertionResult startsWith(const std::string& text, const std::string& prefix) {
    if (text.compare(0, prefix.size(), prefix) == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "'" << text << "' does not start with '" << prefix
                                         << "'";
}

/// Writes `content` to a file of the test scratch directory and returns its path.
inline std::string writeTempFile(const std::string& name, const std::string& content) {
    const std::string path = std::string(HBL_TEST_TMPDIR) + "/" + name;
    std::ofstream(path) << content;
    return path;
}

}  // namespace hbl::test

#endif  // HBL_TEST_TESTHELPERS_HPP

#include "hbl/Smearing.hpp"

#include <cmath>

namespace hbl::smearing {

std::uint64_t splitmix64(std::uint64_t& state) {
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t seedFor(std::int32_t eventNumber, std::int32_t indexInEvent,
                      std::uint64_t stream) {
    const std::uint64_t event = static_cast<std::uint32_t>(eventNumber);
    const std::uint64_t index = static_cast<std::uint32_t>(indexInEvent);
    return ((event << 32) | index) ^ stream;
}

namespace {

// Maps 53 random bits to the open interval (0, 1), so that log(u) is always finite.
double openUniform(std::uint64_t bits) {
    return (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
}

}  // namespace

double standardNormal(std::uint64_t seed) {
    std::uint64_t state = seed;
    const double u1 = openUniform(splitmix64(state));
    const double u2 = openUniform(splitmix64(state));
    const double twoPi = 6.283185307179586476925286766559;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(twoPi * u2);
}

}  // namespace hbl::smearing

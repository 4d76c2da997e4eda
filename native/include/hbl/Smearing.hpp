// Smearing.hpp -- the small, documented pseudo-random generator behind resolution variations.
#ifndef HBL_SMEARING_HPP
#define HBL_SMEARING_HPP

#include <cstdint>

namespace hbl::smearing {

/// One step of splitmix64 (Steele, Lea, Flood 2014; the generator of java.util.
/// SplittableRandom): advances `state` by the golden gamma 0x9E3779B97F4A7C15 and returns
/// the mixed value. Any other implementation of splitmix64 reproduces the sequence.
std::uint64_t splitmix64(std::uint64_t& state);

/// The seed of one lepton's draw: (uint32(eventNumber) << 32 | uint32(indexInEvent))
/// XOR `stream`, where `stream` is a fixed constant per systematic (see kElectronStream).
std::uint64_t seedFor(std::int32_t eventNumber, std::int32_t indexInEvent,
                      std::uint64_t stream);

/// A standard normal deviate from `seed`: two splitmix64 outputs x1, x2 become uniforms
/// u = ((x >> 11) + 0.5) / 2^53 in (0, 1), and Box-Muller gives sqrt(-2 ln u1) cos(2 pi u2).
double standardNormal(std::uint64_t seed);

/// Stream constants: the first eight ASCII characters of the systematic's name read as a
/// big-endian integer, "EG_RESOL" and "MUON_RES". Up and down use the same stream, so that
/// a lepton receives the same deviate g in both directions.
constexpr std::uint64_t kElectronStream = 0x45475F5245534F4CULL;
constexpr std::uint64_t kMuonStream = 0x4D554F4E5F524553ULL;

}  // namespace hbl::smearing

#endif  // HBL_SMEARING_HPP

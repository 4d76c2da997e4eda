// Lepton.hpp -- one reconstructed lepton as the tools see it inside an event loop.
#ifndef HBL_LEPTON_HPP
#define HBL_LEPTON_HPP

#include <cstdint>

namespace hbl {

/// A reconstructed electron or muon, with the quantities of the 2020 ATLAS Open Data
/// ntuples (branch lep_<name>). Energies and momenta in MeV, lengths in mm. Values are
/// doubles so that per-object arithmetic does not round; the batch interface stores floats.
struct Lepton {
    std::uint32_t type = 0;  ///< 11 electron, 13 muon (hbl_lepton_type)
    std::int32_t charge = 0;
    double pt = 0.0;
    double eta = 0.0;
    double phi = 0.0;
    double e = 0.0;
    double ptcone30 = 0.0;  ///< track isolation, MeV
    double etcone20 = 0.0;  ///< calorimeter isolation, MeV
    double d0 = 0.0;        ///< transverse impact parameter (trackd0pvunbiased), mm
    double d0Sigma = 0.0;   ///< its uncertainty (tracksigd0pvunbiased), mm
    double z0 = 0.0;        ///< longitudinal impact parameter, mm
    std::int32_t index = 0; ///< position of the lepton within its event
};

}  // namespace hbl

#endif  // HBL_LEPTON_HPP

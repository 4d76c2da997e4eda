#include "hbl/CalibrationTable.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "hbl/TextUtils.hpp"

namespace hbl {

const char* toString(CalibrationKind kind) {
    return kind == CalibrationKind::Scale ? "scale" : "resolution";
}

namespace {

StatusCode malformed(const std::string& source, int line, const std::string& what,
                     const std::string& got) {
    return StatusCode::failure(HBL_ERROR_CALIBRATION_FILE, source + ":" + std::to_string(line)
                                                               + ": " + what + ", got '" + got
                                                               + "'");
}

std::vector<std::string> fieldsOf(const std::string& text) {
    std::istringstream stream(text);
    std::vector<std::string> fields;
    for (std::string field; stream >> field;) fields.push_back(field);
    return fields;
}

bool overlaps(const CalibrationBin& a, const CalibrationBin& b) {
    return a.flavour == b.flavour && a.kind == b.kind && a.absEtaMin < b.absEtaMax
           && b.absEtaMin < a.absEtaMax;
}

}  // namespace

StatusCode CalibrationTable::read(const std::string& path, CalibrationTable& out) {
    std::ifstream input(path);
    if (!input) {
        const int error = errno;
        return StatusCode::failure(HBL_ERROR_CALIBRATION_FILE,
                                   "cannot open calibration file '" + path
                                       + "': " + std::strerror(error));
    }
    return parse(input, path, out);
}

StatusCode CalibrationTable::parse(std::istream& input, const std::string& source,
                                   CalibrationTable& out) {
    CalibrationTable table;
    int line = 0;
    for (std::string text; std::getline(input, text);) {
        ++line;
        const std::string content(text::trim(text.substr(0, text.find('#'))));
        if (!content.empty()) HBL_CHECK(table.addRecord(source, line, content));
    }
    if (input.bad()) {
        return StatusCode::failure(HBL_ERROR_CALIBRATION_FILE,
                                   source + ": read error after line " + std::to_string(line));
    }
    out = std::move(table);
    return StatusCode::success();
}

StatusCode CalibrationTable::addRecord(const std::string& source, int line,
                                       const std::string& text) {
    const std::vector<std::string> f = fieldsOf(text);
    if (f.size() != 5) {
        return malformed(source, line, "expected 5 fields '<electron|muon> <scale|resolution> "
                         "<abs_eta_min> <abs_eta_max> <value>'", text);
    }
    CalibrationBin bin;
    bin.line = line;
    bin.flavour = f[0];
    if (bin.flavour != "electron" && bin.flavour != "muon") {
        return malformed(source, line, "flavour must be electron or muon", f[0]);
    }
    if (f[1] != "scale" && f[1] != "resolution") {
        return malformed(source, line, "kind must be scale or resolution", f[1]);
    }
    bin.kind = f[1] == "scale" ? CalibrationKind::Scale : CalibrationKind::Resolution;
    const char* names[] = {"abs_eta_min", "abs_eta_max", "value"};
    double* targets[] = {&bin.absEtaMin, &bin.absEtaMax, &bin.value};
    for (int i = 0; i < 3; ++i) {
        if (!text::parseDouble(f[2 + i], *targets[i])) {
            return malformed(source, line, std::string(names[i]) + " is not a finite number",
                             f[2 + i]);
        }
    }
    if (bin.absEtaMin < 0.0 || bin.absEtaMin >= bin.absEtaMax) {
        return malformed(source, line, "need 0 <= abs_eta_min < abs_eta_max",
                         f[2] + " " + f[3]);
    }
    // A relative variation of 1 or more would make a "down" momentum zero or negative.
    if (bin.value < 0.0 || bin.value >= 1.0) {
        return malformed(source, line, "value must be a relative size in [0, 1)", f[4]);
    }
    for (const CalibrationBin& other : m_bins) {
        if (overlaps(bin, other)) {
            return malformed(source, line, "|eta| bin overlaps the bin on line "
                             + std::to_string(other.line), f[2] + " " + f[3]);
        }
    }
    m_bins.push_back(bin);
    return StatusCode::success();
}

bool CalibrationTable::isTopBin(const CalibrationBin& bin) const {
    for (const CalibrationBin& other : m_bins) {
        if (other.flavour == bin.flavour && other.kind == bin.kind
            && other.absEtaMax > bin.absEtaMax) {
            return false;
        }
    }
    return true;
}

bool CalibrationTable::lookup(const std::string& flavour, CalibrationKind kind, double absEta,
                              double& value) const {
    const float a = static_cast<float>(absEta);
    for (const CalibrationBin& bin : m_bins) {
        if (bin.flavour != flavour || bin.kind != kind) continue;
        const float low = static_cast<float>(bin.absEtaMin);
        const float high = static_cast<float>(bin.absEtaMax);
        if (low <= a && (a < high || (a == high && isTopBin(bin)))) {
            value = bin.value;
            return true;
        }
    }
    return false;
}

std::string CalibrationTable::coverage(const std::string& flavour, CalibrationKind kind) const {
    std::ostringstream out;
    for (const CalibrationBin& bin : m_bins) {
        if (bin.flavour != flavour || bin.kind != kind) continue;
        if (out.tellp() > 0) out << ' ';
        out << '[' << bin.absEtaMin << ", " << bin.absEtaMax << (isTopBin(bin) ? ']' : ')');
    }
    return out.str();
}

bool CalibrationTable::has(const std::string& flavour, CalibrationKind kind) const {
    for (const CalibrationBin& bin : m_bins) {
        if (bin.flavour == flavour && bin.kind == kind) return true;
    }
    return false;
}

}  // namespace hbl

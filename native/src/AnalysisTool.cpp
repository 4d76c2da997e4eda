#include "hbl/AnalysisTool.hpp"

#include <stdexcept>
#include <utility>

#include "hbl/TextUtils.hpp"

namespace hbl {

AnalysisTool::AnalysisTool(std::string name) : m_name(std::move(name)) {}

AnalysisTool::~AnalysisTool() = default;

StatusCode AnalysisTool::setProperty(const std::string& property, const std::string& value) {
    if (m_initialized) {
        return StatusCode::failure(HBL_ERROR_ALREADY_INITIALIZED,
                                   "cannot set property '" + property + "' to '" + value
                                       + "': the tool is already initialized");
    }
    const auto it = m_setters.find(property);
    if (it == m_setters.end()) {
        return StatusCode::failure(
            HBL_ERROR_UNKNOWN_PROPERTY,
            "no property '" + property + "' in " + type() + "; nearest: "
                + text::nearestNames(property, m_order) + " (all: " + text::join(m_order) + ")");
    }
    return it->second(value);
}

StatusCode AnalysisTool::initialize() {
    if (m_initialized) {
        return StatusCode::failure(HBL_ERROR_ALREADY_INITIALIZED,
                                   "initialize() called twice");
    }
    HBL_CHECK(initializeTool());
    m_initialized = true;
    return StatusCode::success();
}

std::vector<std::string> AnalysisTool::propertyNames() const { return m_order; }

StatusCode AnalysisTool::invalidProperty(const std::string& property, const std::string& what) {
    return StatusCode::failure(HBL_ERROR_INVALID_VALUE, "property '" + property + "' " + what);
}

void AnalysisTool::declare(const std::string& property, Setter setter) {
    if (!m_setters.emplace(property, std::move(setter)).second) {
        // A programming error in a tool's constructor, not a user error.
        throw std::logic_error("property '" + property + "' declared twice in " + m_name);
    }
    m_order.push_back(property);
}

void AnalysisTool::declareProperty(const std::string& property, double& member) {
    declare(property, [property, &member](const std::string& value) {
        double parsed = 0.0;
        if (!text::parseDouble(value, parsed)) {
            return invalidProperty(property, "expects a finite number, got '" + value + "'");
        }
        member = parsed;
        return StatusCode::success();
    });
}

void AnalysisTool::declareProperty(const std::string& property, bool& member) {
    declare(property, [property, &member](const std::string& value) {
        const std::string_view t = text::trim(value);
        if (t != "true" && t != "false") {
            return invalidProperty(property, "expects true or false, got '" + value + "'");
        }
        member = (t == "true");
        return StatusCode::success();
    });
}

void AnalysisTool::declareProperty(const std::string& property, std::string& member) {
    declare(property, [&member](const std::string& value) {
        member = value;
        return StatusCode::success();
    });
}

void AnalysisTool::declareProperty(const std::string& property, std::vector<double>& member) {
    declare(property, [property, &member](const std::string& value) {
        std::vector<double> parsed;
        if (!text::trim(value).empty()) {
            for (std::string_view field : text::split(value, ',')) {
                double number = 0.0;
                if (!text::parseDouble(field, number)) {
                    return invalidProperty(property, "expects a comma-separated list of "
                                           "finite numbers, got '" + value + "'");
                }
                parsed.push_back(number);
            }
        }
        member = std::move(parsed);
        return StatusCode::success();
    });
}

}  // namespace hbl

// AnalysisTool.hpp -- base class of the legacy tools: named properties, initialize(), name().
#ifndef HBL_ANALYSISTOOL_HPP
#define HBL_ANALYSISTOOL_HPP

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "hbl/StatusCode.hpp"

namespace hbl {

/// Base of every tool, after the ATLAS AsgTool pattern: a tool declares its configurable
/// members as named properties in its constructor, is configured with setProperty() from
/// text, and becomes usable after initialize() validated the configuration and loaded its
/// inputs. Properties cannot change after initialize().
///
/// A tool is not thread-safe: one thread at a time. It is neither copyable nor movable
/// because the property table points into the object.
class AnalysisTool {
public:
    explicit AnalysisTool(std::string name);
    virtual ~AnalysisTool();
    AnalysisTool(const AnalysisTool&) = delete;
    AnalysisTool& operator=(const AnalysisTool&) = delete;

    /// The instance name given at construction (used in messages).
    const std::string& name() const { return m_name; }

    /// The class name, e.g. "LeptonSelectionTool" (the type string of hbl_tool_create).
    virtual const char* type() const = 0;

    /// Sets a declared property from its text form: numbers in the C locale, booleans
    /// "true"/"false", number lists comma-separated ("" is the empty list).
    StatusCode setProperty(const std::string& property, const std::string& value);

    /// Validates the configuration and loads external inputs; may be called once.
    StatusCode initialize();

    bool isInitialized() const { return m_initialized; }

    /// Names of the declared properties, in declaration order.
    std::vector<std::string> propertyNames() const;

protected:
    void declareProperty(const std::string& property, double& member);
    void declareProperty(const std::string& property, bool& member);
    void declareProperty(const std::string& property, std::string& member);
    void declareProperty(const std::string& property, std::vector<double>& member);

    /// The tool-specific part of initialize(), run once with the final property values.
    virtual StatusCode initializeTool() = 0;

    /// A failure whose message starts with "property '<name>' ".
    static StatusCode invalidProperty(const std::string& property, const std::string& what);

private:
    using Setter = std::function<StatusCode(const std::string&)>;
    void declare(const std::string& property, Setter setter);

    std::string m_name;
    bool m_initialized = false;
    std::vector<std::string> m_order;
    std::map<std::string, Setter> m_setters;
};

}  // namespace hbl

#endif  // HBL_ANALYSISTOOL_HPP

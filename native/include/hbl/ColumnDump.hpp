// ColumnDump.hpp -- reads the column dump hepbridge writes for the benchmarks
// (format: benchmarks/DUMP_FORMAT.md).
#ifndef HBL_COLUMNDUMP_HPP
#define HBL_COLUMNDUMP_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "hbl/StatusCode.hpp"
#include "hbl/hbl_analysis.h"

namespace hbl {

/// A column dump loaded into memory: the 64-byte header, then 16 column sections, each
/// starting at a multiple of 64 bytes. The file is read whole into one buffer; columns()
/// points into it.
///
/// Owns its buffer; moving keeps the views valid (the buffer's storage moves with it).
class ColumnDump {
public:
    /// Version written into and expected in the header.
    static constexpr std::uint32_t kVersion = 1;
    /// Number of column sections.
    static constexpr std::uint32_t kColumns = 16;
    /// Size of the header and alignment of every section, in bytes.
    static constexpr std::int64_t kAlignment = 64;

    /// Reads and validates `path`: HBL_ERROR_INVALID_VALUE naming the file and what is wrong
    /// (unreadable, magic, version, column count, counts, size, offsets).
    static StatusCode read(const std::string& path, ColumnDump& out);

    /// Validates an in-memory image of a dump (`source` names it in messages).
    static StatusCode parse(std::vector<std::uint64_t> words, std::int64_t bytes,
                            const std::string& source, ColumnDump& out);

    const hbl_event_columns& columns() const { return m_columns; }
    std::int64_t leptons() const { return m_leptons; }

    /// The file size a dump of `events` events and `leptons` leptons has.
    static std::int64_t expectedSize(std::int64_t events, std::int64_t leptons);

private:
    StatusCode bind(const std::string& source);

    std::vector<std::uint64_t> m_words;  // the file, 8-byte aligned
    std::int64_t m_bytes = 0;
    std::int64_t m_leptons = 0;
    hbl_event_columns m_columns{};
};

}  // namespace hbl

#endif  // HBL_COLUMNDUMP_HPP

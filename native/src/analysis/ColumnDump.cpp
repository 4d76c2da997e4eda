#include "hbl/ColumnDump.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace hbl {

namespace {

constexpr char kMagic[8] = {'H', 'B', 'L', 'D', 'U', 'M', 'P', '\0'};

// Element size of each section, in file order; sections 0-4 are per event (section 0 has
// one more entry), the rest per lepton.
constexpr std::int64_t kElementSize[ColumnDump::kColumns] = {4, 4, 4, 1, 1, 4, 4, 4,
                                                              4, 4, 4, 4, 4, 4, 4, 4};
constexpr std::uint32_t kPerEventColumns = 5;

std::int64_t padded(std::int64_t bytes) {
    return (bytes + ColumnDump::kAlignment - 1) / ColumnDump::kAlignment
           * ColumnDump::kAlignment;
}

std::int64_t sectionBytes(std::uint32_t column, std::int64_t events, std::int64_t leptons) {
    const std::int64_t count = column == 0 ? events + 1
                               : column < kPerEventColumns ? events
                                                            : leptons;
    return count * kElementSize[column];
}

StatusCode invalid(const std::string& source, const std::string& what) {
    return StatusCode::failure(HBL_ERROR_INVALID_VALUE, "column dump " + source + ": " + what);
}

template <typename T>
T readAt(const unsigned char* bytes, std::size_t offset) {
    T value;
    std::memcpy(&value, bytes + offset, sizeof value);
    return value;
}

}  // namespace

std::int64_t ColumnDump::expectedSize(std::int64_t events, std::int64_t leptons) {
    std::int64_t size = kAlignment;
    for (std::uint32_t c = 0; c < kColumns; ++c) size += padded(sectionBytes(c, events, leptons));
    return size;
}

StatusCode ColumnDump::read(const std::string& path, ColumnDump& out) {
    std::ifstream input(path, std::ios::binary | std::ios::ate);
    if (!input) {
        const int error = errno;
        return invalid(path, std::string("cannot open: ") + std::strerror(error));
    }
    const std::int64_t bytes = static_cast<std::int64_t>(input.tellg());
    std::vector<std::uint64_t> words(static_cast<std::size_t>((bytes + 7) / 8));
    input.seekg(0);
    if (!input.read(reinterpret_cast<char*>(words.data()), bytes)) {
        return invalid(path, "read error after " + std::to_string(input.gcount()) + " of "
                                 + std::to_string(bytes) + " bytes");
    }
    return parse(std::move(words), bytes, path, out);
}

StatusCode ColumnDump::parse(std::vector<std::uint64_t> words, std::int64_t bytes,
                             const std::string& source, ColumnDump& out) {
    static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the dump is little-endian");
    if (bytes < kAlignment || static_cast<std::int64_t>(words.size()) * 8 < bytes) {
        return invalid(source, "has " + std::to_string(bytes) + " bytes, less than the "
                                   + std::to_string(kAlignment) + "-byte header");
    }
    ColumnDump dump;
    dump.m_words = std::move(words);
    dump.m_bytes = bytes;
    HBL_CHECK(dump.bind(source));
    out = std::move(dump);
    return StatusCode::success();
}

StatusCode ColumnDump::bind(const std::string& source) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(m_words.data());
    if (std::memcmp(bytes, kMagic, sizeof kMagic) != 0) {
        return invalid(source, "does not start with the magic \"HBLDUMP\\0\"");
    }
    const auto version = readAt<std::uint32_t>(bytes, 8);
    const auto columns = readAt<std::uint32_t>(bytes, 12);
    const auto events = readAt<std::int64_t>(bytes, 16);
    const auto leptons = readAt<std::int64_t>(bytes, 24);
    if (version != kVersion) {
        return invalid(source, "version " + std::to_string(version) + ", this reader knows "
                                   + std::to_string(kVersion));
    }
    if (columns != kColumns) {
        return invalid(source, std::to_string(columns) + " columns, expected "
                                   + std::to_string(kColumns));
    }
    if (events < 0 || leptons < 0 || events >= INT32_MAX || leptons > INT32_MAX) {
        return invalid(source, "n_events = " + std::to_string(events) + ", n_leptons = "
                                   + std::to_string(leptons) + " outside [0, 2^31 - 1)");
    }
    if (m_bytes != expectedSize(events, leptons)) {
        return invalid(source, "has " + std::to_string(m_bytes) + " bytes, expected "
                                   + std::to_string(expectedSize(events, leptons)) + " for "
                                   + std::to_string(events) + " events and "
                                   + std::to_string(leptons) + " leptons");
    }
    const void* section[kColumns];
    std::int64_t at = kAlignment;
    for (std::uint32_t c = 0; c < kColumns; ++c) {
        section[c] = bytes + at;
        at += padded(sectionBytes(c, events, leptons));
    }
    m_leptons = leptons;
    m_columns = hbl_event_columns{
        events,
        static_cast<const std::int32_t*>(section[0]),
        static_cast<const std::int32_t*>(section[1]),
        static_cast<const std::int32_t*>(section[2]),
        static_cast<const std::uint8_t*>(section[3]),
        static_cast<const std::uint8_t*>(section[4]),
        static_cast<const std::uint32_t*>(section[5]),
        static_cast<const std::int32_t*>(section[6]),
        static_cast<const float*>(section[7]),
        static_cast<const float*>(section[8]),
        static_cast<const float*>(section[9]),
        static_cast<const float*>(section[10]),
        static_cast<const float*>(section[11]),
        static_cast<const float*>(section[12]),
        static_cast<const float*>(section[13]),
        static_cast<const float*>(section[14]),
        static_cast<const float*>(section[15])};
    const std::int32_t* offsets = m_columns.offsets;
    if (offsets[0] != 0 || offsets[events] != leptons) {
        return invalid(source, "offsets run from " + std::to_string(offsets[0]) + " to "
                                   + std::to_string(offsets[events]) + ", expected 0 to "
                                   + std::to_string(leptons));
    }
    for (std::int64_t i = 1; i <= events; ++i) {
        if (offsets[i] < offsets[i - 1]) {
            return invalid(source, "offsets[" + std::to_string(i) + "] = "
                                       + std::to_string(offsets[i]) + " is below offsets["
                                       + std::to_string(i - 1) + "] = "
                                       + std::to_string(offsets[i - 1]));
        }
    }
    return StatusCode::success();
}

}  // namespace hbl

#pragma once
// Unix seconds as an RFC 3339 UTC time, for what the SDK sends (v2 attestation times) and what
// the simulator answers. The date comes from the day count (H. Hinnant's civil_from_days), so no
// platform time function (gmtime and its thread-safety variants) is needed.
#include <cstdint>
#include <string>

namespace stripe::detail {

// 2026-01-01T00:00:00Z, or 2026-01-01T00:00:00.000Z with `milliseconds` (as v2 objects show it).
inline std::string rfc3339_utc(std::int64_t t, bool milliseconds = false) {
  std::int64_t days = t / 86400, secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  days += 719468;  // from 1970-01-01 to 0000-03-01
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
  const std::int64_t month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  std::string y = std::to_string(year);
  if (y.size() < 4) y.insert(0, 4 - y.size(), '0');
  return y + "-" + two(month) + "-" + two(day) + "T" + two(secs / 3600) + ":" + two(secs % 3600 / 60) + ":" +
         two(secs % 60) + (milliseconds ? ".000Z" : "Z");
}

}  // namespace stripe::detail

#pragma once
// One page of a list, as every v1 list endpoint pages: newest first, `limit` (1 to 100, default
// 10), `starting_after` or `ending_before` naming an object of the list.
#include <algorithm>
#include <string>
#include <vector>

#include "stripe/testing/sim/state.hpp"

namespace stripe::testing::sim {

inline json list_page(const std::vector<json>& newest_first, const json& p, const std::string& url) {
  const auto limit = static_cast<std::size_t>(std::clamp<long long>(std::stoll(param(p, "limit", "10")), 1, 100));
  auto pos = [&](const std::string& id) {
    auto it = std::find_if(newest_first.begin(), newest_first.end(), [&](const json& o) { return o.value("id", "") == id; });
    return static_cast<std::size_t>(it - newest_first.begin());
  };
  std::size_t begin = 0, end = newest_first.size();
  const bool backwards = !param(p, "ending_before").empty();
  if (!param(p, "starting_after").empty()) begin = std::min(end, pos(param(p, "starting_after")) + 1);
  if (backwards) {
    end = pos(param(p, "ending_before"));
    begin = end > limit ? end - limit : 0;
  }
  const std::size_t stop = std::min(end, begin + limit);
  json data = json::array();
  for (std::size_t i = begin; i < stop; ++i) data.push_back(newest_first[i]);
  const bool has_more = backwards ? begin > 0 : stop < newest_first.size();
  return {{"object", "list"}, {"data", data}, {"has_more", has_more}, {"url", url}};
}

}  // namespace stripe::testing::sim

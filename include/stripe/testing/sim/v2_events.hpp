#pragma once
// GET /v2/core/events: every v2 event the simulator made, newest first, whether or not anything
// listened; filtered by `object_id` (the related object, or the account for events without
// one), `types` and a `created` range (Unix seconds), paged as v2 lists are.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "stripe/testing/param_schema.hpp"
#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/v2_paging.hpp"
#include "stripe/v2/core/event_params.hpp"

namespace stripe::testing::sim {

// Whether `t` is in the created[gt|gte|lt|lte] range (the params were checked: integers).
inline bool created_within(const json& range, std::int64_t t) {
  if (!range.is_object()) return true;
  auto bound = [&](const char* key) -> std::optional<std::int64_t> {
    const std::string text = param(range, key);
    if (text.empty()) return std::nullopt;
    return std::stoll(text);
  };
  if (auto gt = bound("gt"); gt && !(t > *gt)) return false;
  if (auto gte = bound("gte"); gte && !(t >= *gte)) return false;
  if (auto lt = bound("lt"); lt && !(t < *lt)) return false;
  if (auto lte = bound("lte"); lte && !(t <= *lte)) return false;
  return true;
}

inline http::Response list_v2_events(State& s, json& p) {
  V2Page page;
  if (auto refused = take_v2_page_token(s, p, page)) return *refused;
  if (auto problem = check_params<v2::core::EventListParams>(p, true)) return bad(s, *problem);
  read_v2_limit(p, page);
  const std::string object_id = param(p, "object_id");
  std::set<std::string> types;
  if (p.contains("types") && p["types"].is_array())
    for (const auto& t : p["types"])
      if (t.is_string()) types.insert(t.get<std::string>());
  const json created = p.value("created", json());
  std::vector<const EventRecord*> matched;
  const auto& log = s.v2core.event_log;
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    if (!object_id.empty() && it->object_id != object_id) continue;
    if (!types.empty() && !types.count(it->type)) continue;
    if (!created_within(created, it->created)) continue;
    matched.push_back(&*it);
  }
  json data = json::array();
  for (std::size_t i = page.offset; i < matched.size() && i < page.offset + page.limit; ++i)
    data.push_back(s.v2_events.at(matched[i]->id));
  return reply(s, 200, v2_page_body("/v2/core/events", page, matched.size(), std::move(data)));
}

}  // namespace stripe::testing::sim

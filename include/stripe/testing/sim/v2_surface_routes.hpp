#pragma once
// Routing for the v2 core surface beside accounts and links: account persons and person tokens,
// account tokens, the events list and event destinations. No answer (nullopt) for any other
// request: routes.hpp goes on with it.
#include <optional>
#include <string>
#include <vector>

#include "stripe/testing/sim/event_destinations.hpp"
#include "stripe/testing/sim/v2_events.hpp"
#include "stripe/testing/sim/v2_persons.hpp"
#include "stripe/testing/sim/v2_tokens.hpp"

namespace stripe::testing::sim {

inline std::optional<http::Response> route_v2_core_surface(State& s, http::Method m, const std::vector<std::string>& seg,
                                                           json& params) {
  using M = http::Method;
  if (seg.size() < 3 || seg[0] != "v2" || seg[1] != "core") return std::nullopt;
  const std::string& resource = seg[2];
  if (resource == "accounts" && seg.size() >= 5 && (seg[4] == "persons" || seg[4] == "person_tokens")) {
    auto it = s.accounts.find(seg[3]);
    if (it == s.accounts.end() || !it->second.v2) return missing(s, "account", seg[3]);
    Account& a = it->second;
    if (seg[4] == "person_tokens") {
      if (seg.size() == 5 && m == M::post) return create_v2_person_token(s, a, params);
      if (seg.size() == 6 && m == M::get) return retrieve_v2_person_token(s, a, seg[5], params);
      return std::nullopt;
    }
    if (seg.size() == 5 && m == M::post) return create_v2_person(s, a, params);
    if (seg.size() == 5 && m == M::get) return list_v2_persons(s, a, params);
    if (seg.size() != 6) return std::nullopt;
    V2Person* person = find_v2_person(s, a, seg[5]);
    if (!person) return missing(s, "person", seg[5]);
    if (m == M::get) return retrieve_v2_person(s, *person, params);
    if (m == M::post) return update_v2_person(s, a, *person, params);
    if (m == M::del) return delete_v2_person(s, person->id);
    return std::nullopt;
  }
  if (resource == "account_tokens") {
    if (seg.size() == 3 && m == M::post) return create_v2_account_token(s, params);
    if (seg.size() == 4 && m == M::get) return retrieve_v2_account_token(s, seg[3], params);
    return std::nullopt;
  }
  if (resource == "events" && seg.size() == 3 && m == M::get) return list_v2_events(s, params);
  if (resource == "event_destinations") {
    if (seg.size() == 3 && m == M::post) return create_destination(s, params);
    if (seg.size() == 3 && m == M::get) return list_destinations(s, params);
    if (seg.size() < 4 || seg.size() > 5) return std::nullopt;
    auto it = s.v2core.destinations.find(seg[3]);
    if (it == s.v2core.destinations.end()) return missing(s, "event destination", seg[3]);
    EventDestination& d = it->second;
    if (seg.size() == 4 && m == M::get) {
      if (auto problem = check_params<v2::core::EventDestinationRetrieveParams>(params, true)) return bad(s, *problem);
      return reply(s, 200, render_destination(d, includes(params)));
    }
    if (seg.size() == 4 && m == M::post) return update_destination(s, d, params);
    if (seg.size() == 4 && m == M::del) return delete_destination(s, d.id);
    if (seg.size() == 5 && m == M::post && seg[4] == "enable") return set_destination_enabled(s, d, params, true);
    if (seg.size() == 5 && m == M::post && seg[4] == "disable") return set_destination_enabled(s, d, params, false);
    if (seg.size() == 5 && m == M::post && seg[4] == "ping") return ping_destination(s, d, params);
  }
  return std::nullopt;
}

}  // namespace stripe::testing::sim

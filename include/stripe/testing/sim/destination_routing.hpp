#pragma once
// Which event destinations receive an event: the enabled ones whose enabled_events name its type
// ("*" names every type); thin destinations get v2 notifications, snapshot destinations v1
// events. A delivery joins the outbox naming its destination; the Simulator signs it with that
// destination's own secret when it delivers it.
#include <algorithm>
#include <string>
#include <utility>

#include "stripe/testing/sim/state.hpp"

namespace stripe::testing::sim {

inline bool destination_wants(const EventDestination& d, const std::string& type) {
  return std::any_of(d.enabled_events.begin(), d.enabled_events.end(),
                     [&](const std::string& e) { return e == type || e == "*"; });
}

inline void deliver_to(State& s, const EventDestination& d, const std::string& type, const std::string& payload) {
  WebhookDelivery out;
  out.type = type;
  out.payload = payload;
  out.destination = d.id;
  out.url = d.url;
  s.outbox.push_back(std::move(out));
}

// `thin`: the payload is a v2 notification; otherwise a v1 (snapshot) event.
inline void deliver_to_destinations(State& s, const std::string& type, const std::string& payload, bool thin) {
  for (const auto& id : s.v2core.destination_order) {
    const EventDestination& d = s.v2core.destinations.at(id);
    if (d.enabled && (d.event_payload == "thin") == thin && destination_wants(d, type)) deliver_to(s, d, type, payload);
  }
}

}  // namespace stripe::testing::sim

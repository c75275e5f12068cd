#pragma once
// Events about the objects around an account (person.created, account.external_account.deleted,
// ...): Connect events, so they carry the account they happened on. Queued only while a
// receiver listens, like account.updated.
#include <string>

#include "stripe/testing/sim/events.hpp"

namespace stripe::testing::sim {

inline void queue_object_event(State& s, const std::string& account, const std::string& type, const json& object,
                               const json& previous = nullptr) {
  if (!s.listening) return;
  json data = {{"object", object}};
  if (!previous.is_null()) data["previous_attributes"] = previous;
  queue(s, type,
        {{"id", s.next_id("evt_")}, {"object", "event"}, {"type", type}, {"api_version", stripe::pinned_api_version},
         {"created", s.clock}, {"livemode", false}, {"pending_webhooks", 1}, {"account", account}, {"data", data},
         {"request", {{"id", nullptr}, {"idempotency_key", nullptr}}}});
}

// A form boolean: "true" as sent in a form body, or a JSON true.
inline bool truthy(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && (j[key] == "true" || j[key] == true);
}

}  // namespace stripe::testing::sim

#pragma once
// Events and webhooks: after each change to an account, what it changed is announced as
// account.updated and capability.updated events and, for v2 accounts, thin v2 notifications.
// Deliveries are queued here and signed when delivered (the Simulator's receiver).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "stripe/testing/sim/destination_routing.hpp"
#include "stripe/testing/sim/render_v1.hpp"
#include "stripe/testing/sim/render_v2.hpp"
#include "stripe/version.hpp"

namespace stripe::testing::sim {

inline void queue(State& s, const std::string& type, const json& payload) {
  WebhookDelivery d;
  d.type = type;
  d.payload = payload.dump();  // signed when delivered
  deliver_to_destinations(s, type, d.payload, payload.value("object", "") == "v2.core.event");
  s.outbox.push_back(std::move(d));
}

// A v2 event made now: dated, with the API request that caused it as its `reason` (none when the
// simulated user or Stripe caused it), kept with its `data` for GET /v2/core/events/{id} and in
// the log GET /v2/core/events lists. Returns the thin notification, which omits `data`.
inline json make_v2_event(State& s, const std::string& type, const std::string& context, const json& related,
                          json data = nullptr) {
  const std::string id = s.next_id("evt_");
  json notification = {{"id", id}, {"object", "v2.core.event"}, {"type", type},
                       {"created", rfc3339(s.clock)}, {"livemode", false}};
  if (!context.empty()) notification["context"] = context;
  if (!related.is_null()) notification["related_object"] = related;
  if (s.v2core.request)
    notification["reason"] = {{"type", "request"},
                              {"request", {{"id", s.v2core.request->id},
                                           {"idempotency_key", s.v2core.request->idempotency_key}}}};
  json event = notification;
  if (!data.is_null()) event["data"] = std::move(data);
  s.v2_events[id] = std::move(event);
  s.v2core.event_log.push_back({id, type, related.is_null() ? context : related.value("id", ""), s.clock});
  return notification;
}

// Delivers the thin notification of an event about an account. `context` names the account the
// event happened on (a string in stripe-node's types, never null).
inline void queue_v2_event(State& s, const Account& a, const std::string& type, json data = nullptr,
                           bool related = true) {
  json object = related ? json{{"id", a.id}, {"type", "v2.core.account"}, {"url", "/v2/core/accounts/" + a.id}} : json();
  queue(s, type, make_v2_event(s, type, a.id, object, std::move(data)));
}

// The v2 capabilities (and their configuration) that show a v1-style capability's status.
inline std::vector<std::pair<std::string, std::string>> v2_capabilities_of(const std::string& cap) {
  if (cap == "transfers") return {{"recipient", "stripe_balance.stripe_transfers"}, {"recipient", "stripe_balance.payouts"}};
  if (cap == "card_payments") return {{"merchant", "card_payments"}};
  return {};
}

// `v1_events`: also the capability.updated events (only a receiver or a snapshot destination
// wants those; the v2 notifications are made for the events list in any case).
inline void announce_capabilities(State& s, Account& a, bool v1_events = true) {
  for (const auto& cap : a.capabilities) {
    std::string status = capability_status(a, cap);
    auto old = a.last_caps.find(cap);
    if (old != a.last_caps.end() && old->second != status) {
      if (v1_events)
        queue(s, "capability.updated",
              {{"id", s.next_id("evt_")}, {"object", "event"}, {"type", "capability.updated"},
               {"created", s.clock}, {"livemode", false}, {"pending_webhooks", 1}, {"account", a.id},
               {"data", {{"object", render_capability(a, cap)}, {"previous_attributes", {{"status", old->second}}}}}});
      if (a.v2)
        for (const auto& [configuration, v2_capability] : v2_capabilities_of(cap))
          if (std::find(a.configurations.begin(), a.configurations.end(), configuration) != a.configurations.end())
            queue_v2_event(s, a, "v2.core.account[configuration." + configuration + "].capability_status_updated",
                           {{"updated_capability", v2_capability}});
    }
    a.last_caps[cap] = status;
  }
}

inline void announce_v2_requirements(State& s, Account& a) {
  if (!a.v2) return;
  json reqs = render_v2_requirements(a);
  if (!a.last_v2_requirements.is_null() && reqs != a.last_v2_requirements)
    queue_v2_event(s, a, "v2.core.account[requirements].updated");
  a.last_v2_requirements = std::move(reqs);
}

// Compares an account with what was last announced and queues the events a change causes. The
// first time there is nothing to compare with: it only records.
inline void announce(State& s, Account& a) {
  json now_v1 = render_v1(a);
  if (!a.last_v1.is_null() && now_v1 != a.last_v1) {
    json previous = json::object();
    for (auto it = now_v1.begin(); it != now_v1.end(); ++it)
      if (!a.last_v1.contains(it.key()) || a.last_v1[it.key()] != it.value())
        previous[it.key()] = a.last_v1.contains(it.key()) ? a.last_v1[it.key()] : json(nullptr);
    queue(s, "account.updated",
          {{"id", s.next_id("evt_")}, {"object", "event"}, {"type", "account.updated"},
           {"api_version", stripe::pinned_api_version}, {"created", s.clock}, {"livemode", false},
           {"pending_webhooks", 1}, {"account", a.id}, {"data", {{"object", now_v1}, {"previous_attributes", previous}}},
           {"request", {{"id", nullptr}, {"idempotency_key", nullptr}}}});
  }
  announce_capabilities(s, a);
  announce_v2_requirements(s, a);
  a.last_v1 = std::move(now_v1);
}

// After any change to an account: index when it next changes by itself, and announce the change
// to a receiver. With nobody listening no v1 event is rendered (listen() takes the baseline), but
// a v2 account's v2 events are made all the same: GET /v2/core/events lists every one.
inline void touch(State& s, Account& a) {
  if (a.deleted) return;
  schedule(s, a);
  if (s.listening) {
    announce(s, a);
  } else if (a.v2) {
    announce_capabilities(s, a, false);
    announce_v2_requirements(s, a);
  }
}

// An account created now: its id, and when its future requirements come due.
inline Account new_account(State& s) {
  Account a;
  a.id = s.next_id("acct_");
  a.created = s.clock;
  a.future_deadline = s.clock + s.options.future_requirements_delay;
  return a;
}

// Keeps a created account (lists show the newest first) and announces it.
inline Account& add_account(State& s, Account a) {
  const std::string id = a.id;
  Account& added = s.accounts.emplace(id, std::move(a)).first->second;
  s.order.push_back(id);
  ++s.commits;
  touch(s, added);
  return added;
}

// The first receiver: what each account looks like now is what later changes are compared with.
inline void listen(State& s) {
  if (s.listening) return;
  for (auto& entry : s.accounts)
    if (!entry.second.deleted) announce(s, entry.second);
  s.listening = true;
}

// Moves the clock on and visits only the accounts with something due by then, earliest first:
// the cost does not grow with the accounts a test suite left behind. A visit that finds nothing
// to do (the verification was completed by hand meanwhile) renders nothing.
inline void advance_clock(State& s, std::int64_t seconds) {
  s.clock += seconds;
  while (!s.timers.empty() && s.timers.begin()->first <= s.clock) {
    Account& a = s.accounts.at(s.timers.begin()->second);
    s.timers.erase(s.timers.begin());
    a.wake_at.reset();
    if (a.deleted) continue;
    if (pass_time(s, a)) touch(s, a);
    else schedule(s, a);
  }
}

}  // namespace stripe::testing::sim

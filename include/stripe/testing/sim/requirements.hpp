#pragma once
// The requirements engine: which requirements an account has, where each stands (due,
// pending verification, verified), what that means for its capabilities, and when it next
// changes by itself (a verification finishing, a deadline passing).
#include <algorithm>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "stripe/testing/sim/state.hpp"

namespace stripe::testing::sim {

inline bool is_future(const Item& i) { return i.spec->future && !i.matured; }

// The name a requirement is shown under: once the account has a representative person, the
// representative.* items name that person (person_XXX.verification.document), as the API does.
inline std::string shown_name(const Account& a, const Item& i) {
  static const std::string prefix = "representative.";
  if (a.surface.representative.empty() || i.spec->name.compare(0, prefix.size(), prefix) != 0) return i.spec->name;
  return a.surface.representative + "." + i.spec->name.substr(prefix.size());
}

// Items the account must provide now (including those whose deadline passed).
inline bool blocking(const Item& i) {
  return i.state == Item::State::due && !is_future(i) && (!i.spec->eventually || i.escalated);
}
inline bool gates(const Item& i, const std::string& capability) {
  return capability.empty() || i.spec->capability.empty() || i.spec->capability == capability;
}
inline std::vector<std::string> currently_due(const Account& a, const std::string& capability = "") {
  std::vector<std::string> out;
  for (const auto& i : a.items)
    if (blocking(i) && gates(i, capability)) out.push_back(shown_name(a, i));
  return out;
}
inline bool due_without_grace(const Account& a) {
  return std::any_of(a.items.begin(), a.items.end(), [](const Item& i) { return blocking(i) && !i.escalated; });
}
inline std::vector<std::string> eventually_due(const Account& a) {
  std::vector<std::string> out;
  for (const auto& i : a.items)
    if (i.state == Item::State::due && !is_future(i)) out.push_back(shown_name(a, i));
  return out;
}
inline std::vector<std::string> pending(const Account& a, const std::string& capability = "") {
  std::vector<std::string> out;
  for (const auto& i : a.items)
    if (i.state == Item::State::pending && gates(i, capability)) out.push_back(shown_name(a, i));
  return out;
}
inline std::vector<std::string> future_due(const Account& a) {
  std::vector<std::string> out;
  for (const auto& i : a.items)
    if (i.state == Item::State::due && is_future(i)) out.push_back(shown_name(a, i));
  return out;
}

// True when everything due for `cap` is an escalated eventually_due item still before its deadline.
inline bool escalated_only(const Account& a, const std::string& cap) {
  for (const auto& i : a.items)
    if (blocking(i) && gates(i, cap) && !i.escalated) return false;
  return true;
}

// active | pending | inactive for a requested capability.
inline std::string capability_status(const Account& a, const std::string& cap) {
  if (!a.rejected.empty()) return "inactive";
  if (!currently_due(a, cap).empty())
    return a.past_deadline || !a.details_submitted || !escalated_only(a, cap) ? "inactive" : "active";
  // Information needed to enable the capability is still being verified. Eventually-due
  // information under review, or verified information checked again, does not switch an
  // enabled capability off.
  for (const auto& i : a.items)
    if (i.state == Item::State::pending && !i.spec->eventually && !i.reverifying && gates(i, cap)) return "pending";
  return "active";
}

inline bool has_cap(const Account& a, const std::string& cap) {
  return std::find(a.capabilities.begin(), a.capabilities.end(), cap) != a.capabilities.end();
}
// The API-onboarding guide: charges_enabled "evaluates if either card_payments or transfers
// capabilities are active". Payouts need one of the two as well.
inline bool card_payments_or_transfers_active(const Account& a) {
  for (const char* cap : {"card_payments", "transfers"})
    if (has_cap(a, cap) && capability_status(a, cap) == "active") return true;
  return false;
}
inline bool charges_enabled(const Account& a) { return card_payments_or_transfers_active(a); }
inline bool payouts_enabled(const Account& a) { return card_payments_or_transfers_active(a); }

inline bool dashboard_hosted(const Account& a) {
  auto type = a.controller.value("stripe_dashboard", json::object()).value("type", "none");
  return type == "express" || type == "full";
}

// ---- changes -------------------------------------------------------------------------------

inline void provide(const State& s, Item& item) {
  item.error_code.clear();
  item.error_reason.clear();
  item.escalated = false;
  item.reverifying = false;
  if (item.spec->verified) {
    item.state = Item::State::pending;
    item.submitted_at = s.clock;
  } else {
    item.state = Item::State::verified;
  }
}

inline void verified(Item& item) {
  item.state = Item::State::verified;
  item.reverifying = false;
}

// The API-onboarding guide: "After Stripe confirms acceptance of our terms of service, any
// change to the Account triggers reverification. For example, if you change the connected
// account's name and ID number, Stripe reruns verifications." It also says "if a future
// verification fails, a capability can transition out of active": a capability stays as it is
// while they rerun.
inline void reverify(const State& s, Account& a, std::initializer_list<const char*> prefixes) {
  for (auto& item : a.items) {
    if (item.state != Item::State::verified || !item.spec->verified) continue;
    for (const char* prefix : prefixes)
      if (item.spec->name.rfind(prefix, 0) == 0) {
        item.state = Item::State::pending;
        item.submitted_at = s.clock;
        item.reverifying = true;
      }
  }
}

// future_requirements.current_deadline: the future requirements become requirements, due by the
// usual deadline after it ("the account may also be given a grace period").
inline void mature_future_requirements(const State& s, Account& a) {
  if (!a.future_deadline || s.clock < *a.future_deadline) return;
  bool due = false;
  for (auto& item : a.items)
    if (is_future(item)) {
      item.matured = true;
      item.escalated = true;
      due = due || item.state == Item::State::due;
    }
  if (due && !a.current_deadline) a.current_deadline = *a.future_deadline + s.options.requirement_deadline;
  a.future_deadline.reset();
}

inline void request_capability(const State& s, Account& a, const std::string& cap) {
  if (has_cap(a, cap)) return;
  a.capabilities.push_back(cap);
  a.requested_at[cap] = s.clock;
}

// The requirement table for an account's country, business type and capabilities, built once
// per combination and shared by the accounts.
inline const std::vector<RequirementSpec>& requirement_table(State& s, const Account& a) {
  std::set<std::string> caps(a.capabilities.begin(), a.capabilities.end());
  std::string key = a.country + "|" + a.business_type;
  for (const auto& cap : caps) key += "|" + cap;
  auto it = s.requirement_tables.find(key);
  if (it == s.requirement_tables.end())
    it = s.requirement_tables.emplace(key, requirements_for(a.country, a.business_type, caps)).first;
  return it->second;
}

// The account's items for what it is now; each requirement it had keeps its progress.
inline void rebuild_items(State& s, Account& a) {
  std::vector<Item> next;
  const auto& table = requirement_table(s, a);
  next.reserve(table.size());
  for (const auto& spec : table) {
    Item item;
    for (const auto& old : a.items)
      if (old.spec->name == spec.name) item = old;
    item.spec = &spec;
    next.push_back(std::move(item));
  }
  a.items = std::move(next);
}

// The Express guide: "If you omit capabilities, Connect Onboarding uses the settings in the
// Configuration settings section of the Stripe Dashboard to automatically request
// capabilities"; the hosted-onboarding guide says the same of a Full Dashboard.
inline void request_onboarding_capabilities(State& s, Account& a) {
  if (a.v2 || !a.capabilities.empty() || !dashboard_hosted(a)) return;
  for (const auto& cap : s.options.onboarding_capabilities) request_capability(s, a, cap);
  rebuild_items(s, a);
}

// A requirement is met by its own path or by a part of it: individual.verification.document by
// individual.verification.document.front.
inline bool covers(const std::set<std::string>& paths, const std::string& requirement) {
  if (paths.count(requirement)) return true;
  const std::string part = requirement + ".";
  auto next = paths.lower_bound(part);
  return next != paths.end() && next->compare(0, part.size(), part) == 0;
}

// Marks as provided every requirement whose dotted name (or a part of it) the params contain.
template <class Json>
void apply_prefill(const State& s, Account& a, const Json& params) {
  std::set<std::string> paths;
  std::function<void(const Json&, const std::string&)> flatten = [&](const Json& j, const std::string& prefix) {
    if (j.is_object()) {
      for (auto it = j.begin(); it != j.end(); ++it) flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key());
    } else if (!j.is_null() && !(j.is_string() && j.template get<std::string>().empty())) {
      paths.insert(prefix);
    }
  };
  flatten(params, "");
  for (auto& item : a.items)
    if (item.state == Item::State::due && covers(paths, item.spec->name)) provide(s, item);
}

// ---- time ----------------------------------------------------------------------------------

// The time an account next changes by itself. If it has passed, the visit makes progress (a
// verification finishes, a deadline passes), so advance_clock never revisits in a loop.
inline std::optional<std::int64_t> next_change(const State& s, const Account& a) {
  std::optional<std::int64_t> next;
  auto consider = [&next](std::int64_t t) { next = next ? std::min(*next, t) : t; };
  for (const auto& item : a.items)
    if (item.state == Item::State::pending) consider(item.submitted_at + s.options.verification_delay);
  if (a.future_deadline) consider(*a.future_deadline);
  if (a.current_deadline && !a.past_deadline && !currently_due(a).empty()) consider(*a.current_deadline);
  return next;
}

// Keeps one timer per account, at its next change, for advance_clock to visit it then and only
// then. Most changes leave that time as it was and cost no tree operation.
inline void schedule(State& s, Account& a) {
  const auto next = next_change(s, a);
  if (next == a.wake_at) return;
  if (a.wake_at) s.timers.erase({*a.wake_at, a.id});
  a.wake_at = next;
  if (next) s.timers.emplace(*next, a.id);
}

// What time does to one account: verifications finish, future requirements become
// requirements, a passed deadline disables. Returns whether anything changed.
inline bool pass_time(const State& s, Account& a) {
  bool changed = false;
  for (auto& item : a.items)
    if (item.state == Item::State::pending && s.clock - item.submitted_at >= s.options.verification_delay) {
      verified(item);
      changed = true;
    }
  if (a.future_deadline && s.clock >= *a.future_deadline) {
    mature_future_requirements(s, a);
    changed = true;
  }
  if (!a.past_deadline && a.current_deadline && s.clock >= *a.current_deadline && !currently_due(a).empty()) {
    a.past_deadline = true;
    changed = true;
  }
  return changed;
}

}  // namespace stripe::testing::sim

#pragma once
/// \file
/// Onboarding decisions as pure functions over typed accounts: where an account stands, whether
/// to send the user (back) through onboarding, and how to build the account link that does it.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stripe/v1/services.hpp"
#include "stripe/v2/services.hpp"

/// Onboarding decisions: pure functions, so a webhook handler, a return_url handler and a test
/// reach the same answer from the same account.
namespace stripe::onboarding {

// ---------------------------------------------------------------------------------------------
// v1 account state

/// The summary status of a v1 connected account; to_string gives the display label.
enum class AccountState {
  rejected,                     ///< disabled_reason says rejected.*: onboarding cannot fix it
  pending_enablement,           ///< charges and payouts on, Stripe still verifying something
  complete,                     ///< charges and payouts on, nothing due now or later
  enabled,                      ///< charges and payouts on, more due eventually
  restricted,                   ///< something due or disabled: send the user through onboarding
  restricted_payouts_disabled,  ///< charges on, payouts off
  restricted_charges_disabled,  ///< payouts on, charges off
  restricted_past_due,          ///< a deadline passed: the user must act now
  pending_disabled,             ///< off while Stripe verifies what was submitted: wait
};

/// The display label ("complete", "restricted (past due)", ...): stable, fine to store.
inline const char* to_string(AccountState s) {
  switch (s) {
    case AccountState::rejected: return "rejected";
    case AccountState::pending_enablement: return "pending enablement";
    case AccountState::complete: return "complete";
    case AccountState::enabled: return "enabled";
    case AccountState::restricted: return "restricted";
    case AccountState::restricted_payouts_disabled: return "restricted (payouts disabled)";
    case AccountState::restricted_charges_disabled: return "restricted (charges disabled)";
    case AccountState::restricted_past_due: return "restricted (past due)";
    case AccountState::pending_disabled: return "pending (disabled)";
  }
  return "restricted";
}

namespace detail {
// "Has items": present and non-empty. A missing or null list has none.
inline bool has_items(const std::optional<std::vector<std::string>>& list) { return list && !list->empty(); }
}  // namespace detail

/// The rules of Stripe's account-state logic, evaluated in order.
inline AccountState account_state(const v1::Account& a) {
  const auto* req = a.requirements ? &*a.requirements : nullptr;
  auto items = [&](auto member) { return req && detail::has_items(req->*member); };
  using R = v1::Account::Requirements;
  const bool has_disabled_reason = req && req->disabled_reason && !req->disabled_reason->empty();
  if (has_disabled_reason && req->disabled_reason->value().find("rejected") != std::string::npos)
    return AccountState::rejected;
  if (a.charges_enabled && a.payouts_enabled) {
    if (items(&R::pending_verification)) return AccountState::pending_enablement;
    if (!has_disabled_reason && !items(&R::currently_due))
      return items(&R::eventually_due) ? AccountState::enabled : AccountState::complete;
    return AccountState::restricted;
  }
  if (a.charges_enabled) return AccountState::restricted_payouts_disabled;
  if (a.payouts_enabled) return AccountState::restricted_charges_disabled;
  if (items(&R::past_due)) return AccountState::restricted_past_due;
  if (items(&R::pending_verification)) return AccountState::pending_disabled;
  return AccountState::restricted;
}

/// The state with the signals worth showing next to it, copied out of the account so a
/// dashboard or a cache does not keep the whole object.
struct AccountSummary {
  AccountState state = AccountState::restricted;  ///< account_state()
  bool details_submitted = false;  ///< the user finished the form at least once
  bool charges_enabled = false;  ///< the account can take payments
  bool payouts_enabled = false;  ///< the account can be paid out
  std::optional<std::int64_t> current_deadline;  ///< when currently_due becomes past_due (Unix s)
  std::vector<v1::Account::Requirements::Errors> errors;  ///< rejected values, to show the user
  std::vector<std::string> currently_due;  ///< needed by current_deadline
  std::vector<std::string> eventually_due;  ///< needed later; up-front collection asks now
  std::vector<std::string> past_due;  ///< overdue: capabilities are off until provided
  std::vector<std::string> pending_verification;  ///< submitted, Stripe is checking
  std::vector<std::string> future_currently_due;  ///< currently due once announced changes apply
  std::vector<std::string> future_eventually_due;  ///< eventually due once announced changes apply
  std::map<std::string, std::string> capabilities;  ///< name -> active | inactive | pending | ...
  /// The display label of state.
  const char* label() const { return to_string(state); }
};

/// The summary of a v1 account.
inline AccountSummary summarize(const v1::Account& a) {
  AccountSummary s;
  s.state = account_state(a);
  s.details_submitted = a.details_submitted;
  s.charges_enabled = a.charges_enabled;
  s.payouts_enabled = a.payouts_enabled;
  auto copy = [](const std::optional<std::vector<std::string>>& from, std::vector<std::string>& to) {
    if (from) to = *from;
  };
  if (a.requirements) {
    s.current_deadline = a.requirements->current_deadline;
    if (a.requirements->errors) s.errors = *a.requirements->errors;
    copy(a.requirements->currently_due, s.currently_due);
    copy(a.requirements->eventually_due, s.eventually_due);
    copy(a.requirements->past_due, s.past_due);
    copy(a.requirements->pending_verification, s.pending_verification);
  }
  if (a.future_requirements) {
    copy(a.future_requirements->currently_due, s.future_currently_due);
    copy(a.future_requirements->eventually_due, s.future_eventually_due);
  }
  for (const auto& [name, status] : a.capabilities) s.capabilities[name] = status.value();
  return s;
}

// ---------------------------------------------------------------------------------------------
// Strategy

/// What to collect: up-front collects eventually_due requirements too (one visit, no missed
/// deadlines later), incremental only currently_due (a faster first visit).
enum class Strategy { up_front, incremental };

/// "up-front" or "incremental", for logs.
inline const char* to_string(Strategy s) { return s == Strategy::up_front ? "up-front" : "incremental"; }

/// The collection_options.fields value a strategy sends.
inline std::string_view collection_fields(Strategy s) {
  return s == Strategy::up_front ? std::string_view("eventually_due") : std::string_view("currently_due");
}
/// The collection_options.future_requirements value: include or omit.
inline std::string_view future_requirements_option(bool include) {
  return include ? std::string_view("include") : std::string_view("omit");
}

/// Whether the user should be sent (back) through onboarding now.
inline bool needs_onboarding(const v1::Account& a, Strategy strategy) {
  if (!a.requirements) return !a.details_submitted;
  const auto& r = *a.requirements;
  if (detail::has_items(r.currently_due) || detail::has_items(r.past_due)) return true;
  return strategy == Strategy::up_front && detail::has_items(r.eventually_due);
}

// ---------------------------------------------------------------------------------------------
// v2 accounts

/// One v2 requirements entry.
using V2Entry = v2::core::Account::Requirements::Entries;

/// One capability of one configuration, e.g. recipient / stripe_balance.stripe_transfers,
/// flattened so callers need not walk the nested configuration structs.
struct CapabilityReport {
  std::string configuration;  ///< recipient | merchant | customer
  std::string capability;     ///< dotted path under `configuration.<name>.capabilities`
  std::string status;         ///< active | pending | restricted | unsupported | (newer values)
  std::vector<std::string> status_codes;  ///< status_details[].code: why it is not active
  /// Whether the capability can be used.
  bool ready() const { return status == "active"; }
  /// The user can fix this by continuing onboarding with a new account link.
  bool needs_user_action() const {
    for (const auto& c : status_codes)
      if (c == "requirements_past_due") return true;
    return false;
  }
};

namespace detail {

// Walks a configuration's capabilities struct through `describe`, so new capabilities the
// generator adds are reported without changes here.
struct CapabilityCollector {
  std::string configuration;
  std::string prefix;
  std::vector<CapabilityReport>& out;

  template <class F>
  void operator()(const char* name, const F& field) {
    if constexpr (stripe::detail::is_optional<F>::value) {
      if (field) visit(name, *field);
    } else {
      visit(name, field);
    }
  }

  template <class T>
  void visit(const char* name, const T& value) {
    if constexpr (std::is_same_v<T, v2::core::Account::CapabilityStatus>) {
      CapabilityReport r{configuration, prefix + name, value.status.value(), {}};
      for (const auto& d : value.status_details) r.status_codes.push_back(d.code.value());
      out.push_back(std::move(r));
    } else if constexpr (stripe::detail::is_model<T>::value) {
      CapabilityCollector child{configuration, prefix + name + ".", out};
      T::describe(value, child);
    }
  }
};

}  // namespace detail

/// Every capability of every configuration the account has (retrieve it with include[] for
/// the configurations, or there is nothing to report).
inline std::vector<CapabilityReport> capability_reports(const v2::core::Account& a) {
  std::vector<CapabilityReport> out;
  if (!a.configuration) return out;
  const auto& c = *a.configuration;
  auto collect = [&](const char* name, const auto& config) {
    if (config && config->capabilities) {
      detail::CapabilityCollector col{name, "", out};
      std::decay_t<decltype(*config->capabilities)>::describe(*config->capabilities, col);
    }
  };
  collect("recipient", c.recipient);
  collect("merchant", c.merchant);
  collect("customer", c.customer);
  return out;
}

/// Requirement entries grouped by minimum_deadline.status (currently_due, eventually_due,
/// past_due, and any newer status as given).
inline std::map<std::string, std::vector<V2Entry>> entries_by_deadline(const v2::core::Account& a) {
  std::map<std::string, std::vector<V2Entry>> out;
  if (!a.requirements) return out;
  for (const auto& e : a.requirements->entries) out[e.minimum_deadline.status.value()].push_back(e);
  return out;
}

/// Entries Stripe requests ahead of upcoming requirement changes (requested_reasons code
/// future_requirements), from requirements and future_requirements alike.
inline std::vector<V2Entry> future_requirement_entries(const v2::core::Account& a) {
  std::vector<V2Entry> out;
  auto scan = [&](const auto& reqs) {
    if (!reqs) return;
    for (const auto& e : reqs->entries)
      for (const auto& reason : e.requested_reasons)
        if (reason.code == "future_requirements") {
          out.push_back(e);
          break;
        }
  };
  scan(a.requirements);
  scan(a.future_requirements);
  return out;
}

/// Where a v2 account stands, in the order the rules are checked; to_string gives the label.
/// It says who must act: the user (send a link), Stripe (wait) or nobody.
enum class V2State {
  closed,                    ///< the account is closed
  rejected,                  ///< Stripe or the platform rejected it (a rejected_* capability code)
  action_required_past_due,  ///< the user must act and a deadline has passed
  action_required,           ///< some currently due entry awaits the user
  ready,                     ///< recipient: stripe_balance.stripe_transfers is active
  ready_more_due,            ///< ready, with entries the user must provide eventually
  active,                    ///< no recipient configuration, and every capability is active
  active_more_due,           ///< active, with entries the user must provide eventually
  awaiting_stripe,           ///< every currently due or past due entry awaits Stripe, not the user
  pending,                   ///< none of the above (nothing requested yet, capabilities pending)
};

/// The display label ("awaiting Stripe", "action required", ...): stable, fine to store.
inline const char* to_string(V2State s) {
  switch (s) {
    case V2State::closed: return "closed";
    case V2State::rejected: return "rejected";
    case V2State::action_required_past_due: return "action required (past due)";
    case V2State::action_required: return "action required";
    case V2State::ready: return "ready";
    case V2State::ready_more_due: return "ready (more due eventually)";
    case V2State::active: return "active";
    case V2State::active_more_due: return "active (more due eventually)";
    case V2State::awaiting_stripe: return "awaiting Stripe";
    case V2State::pending: return "pending";
  }
  return "pending";
}

/// What a v2 account needs, gathered once from its configurations and requirements.
struct V2Summary {
  bool closed = false;  ///< the account is closed
  bool rejected = false;  ///< some capability is rejected, or says rejected_* in status_details
  bool recipient_ready = false;  ///< stripe_balance.stripe_transfers is active
  bool prompt_continue_onboarding = false;  ///< some capability says requirements_past_due
  std::vector<CapabilityReport> capabilities;  ///< capability_reports()
  std::map<std::string, std::vector<V2Entry>> entries_by_deadline;  ///< entries_by_deadline()
  std::vector<V2Entry> future_requirements;  ///< future_requirement_entries()

  /// The rules behind the label, evaluated in the order of V2State.
  V2State state() const {
    if (closed) return V2State::closed;
    if (rejected) return V2State::rejected;
    auto user_must_act = [&](const char* deadline) {
      auto it = entries_by_deadline.find(deadline);
      if (it == entries_by_deadline.end()) return false;
      for (const auto& e : it->second)
        if (e.awaiting_action_from == "user") return true;
      return false;
    };
    if (prompt_continue_onboarding || user_must_act("past_due")) return V2State::action_required_past_due;
    if (user_must_act("currently_due")) return V2State::action_required;
    const bool more_due = user_must_act("eventually_due");
    if (recipient_ready) return more_due ? V2State::ready_more_due : V2State::ready;
    bool has_recipient = false, all_active = !capabilities.empty();
    for (const auto& c : capabilities) {
      if (c.configuration == "recipient") has_recipient = true;
      if (!c.ready()) all_active = false;
    }
    if (!has_recipient && all_active) return more_due ? V2State::active_more_due : V2State::active;
    // Any currently or past due entry left awaits Stripe (the user's were caught above).
    if (entries_by_deadline.count("past_due") || entries_by_deadline.count("currently_due"))
      return V2State::awaiting_stripe;
    return V2State::pending;
  }
  /// The display label of state().
  std::string label() const { return to_string(state()); }
};

/// The summary of a v2 account; retrieve it with include[] for requirements and the
/// configurations, or every summary reads "pending".
inline V2Summary summarize(const v2::core::Account& a) {
  V2Summary s;
  s.closed = a.closed.value_or(false);
  s.capabilities = capability_reports(a);
  for (const auto& c : s.capabilities) {
    if (c.configuration == "recipient" && c.capability == "stripe_balance.stripe_transfers") s.recipient_ready = c.ready();
    if (!c.ready() && c.needs_user_action()) s.prompt_continue_onboarding = true;
    if (c.status == "rejected") s.rejected = true;
    for (const auto& code : c.status_codes)
      if (code.rfind("rejected_", 0) == 0) s.rejected = true;
  }
  s.entries_by_deadline = entries_by_deadline(a);
  s.future_requirements = future_requirement_entries(a);
  return s;
}

/// v2: currently_due and past_due entries the user must act on; eventually_due too when up-front.
inline bool needs_onboarding(const v2::core::Account& a, Strategy strategy) {
  if (!a.requirements) return false;
  for (const auto& e : a.requirements->entries) {
    if (e.awaiting_action_from != "user") continue;
    const auto& st = e.minimum_deadline.status;
    if (st == "currently_due" || st == "past_due") return true;
    if (strategy == Strategy::up_front && st == "eventually_due") return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Account links

/// What every account link needs, v1 or v2.
struct LinkOptions {
  std::string refresh_url;  ///< where an expired or already-used link lands: make a new link there
  std::string return_url;  ///< where the user lands when leaving the flow (not "done": check state)
  Strategy strategy = Strategy::incremental;  ///< what to collect
  bool include_future_requirements = false;  ///< collect announced future requirements now too
};

/// The v1 account link params for an account; pass them to account_links().create() and keep
/// them for the refresh_url handler.
inline v1::AccountLinkCreateParams link_params(const std::string& account, const LinkOptions& o,
                                               v1::AccountLinkCreateParams::Type type =
                                                   v1::AccountLinkCreateParams::Type::account_onboarding) {
  v1::AccountLinkCreateParams p;
  p.account = account;
  p.type = type;
  p.refresh_url = o.refresh_url;
  p.return_url = o.return_url;
  auto& co = p.collection_options.emplace();
  co.fields = collection_fields(o.strategy);
  co.future_requirements = future_requirements_option(o.include_future_requirements);
  return p;
}

/// The v2 account link params (use_case account_onboarding) for the given configurations.
inline v2::core::AccountLinkCreateParams v2_link_params(const std::string& account, const LinkOptions& o,
                                                        std::vector<std::string> configurations = {}) {
  using P = v2::core::AccountLinkCreateParams;
  P p;
  p.account = account;
  p.use_case.type = P::UseCase::Type::account_onboarding;
  auto& ob = p.use_case.account_onboarding.emplace();
  ob.refresh_url = o.refresh_url;
  ob.return_url = o.return_url;
  auto& co = ob.collection_options.emplace();
  co.fields = collection_fields(o.strategy);
  co.future_requirements = future_requirements_option(o.include_future_requirements);
  if (!configurations.empty()) {
    auto& list = ob.configurations.emplace();
    for (auto& c : configurations) list.emplace_back(std::move(c));
  }
  return p;
}

/// account_update links exist only where the platform collects requirements and the account
/// has no Stripe-hosted dashboard (custom accounts included).
inline bool can_use_account_update(const v1::Account& a) {
  if (a.controller) {
    const auto& c = *a.controller;
    if (c.stripe_dashboard && (c.stripe_dashboard->type == "express" || c.stripe_dashboard->type == "full"))
      return false;
    if (c.requirement_collection) return *c.requirement_collection == "application";
  }
  return a.type == v1::Account::Type::custom;
}

/// Checks a link's redirect URLs before any request (absolute; HTTPS required in live mode for
/// v1 and always for v2). Throws InvalidParamsError naming the parameter.
inline void validate_link(const v1::AccountLinkCreateParams& p, const std::string& secret_key) {
  v1::AccountLinkService::validate(p, secret_key);
}
/// The v2 check: HTTPS always, test mode included.
inline void validate_link(const v2::core::AccountLinkCreateParams& p) { v2::core::AccountLinkService::validate(p); }

/// The refresh_url handler: a new link with the same parameters as the expired one (a fresh
/// idempotency key, so Stripe makes a new link rather than replaying the old one). It checks the
/// redirect URLs like every link request; it cannot check the link type against the account,
/// which it is not given: build account_update links with create_link, which does.
inline Result<v1::AccountLink> refresh_link(const Client& client, const v1::AccountLinkCreateParams& earlier,
                                            const RequestOptions& ro = {}) {
  return client.v1().account_links().create(earlier, ro);
}
/// The v2 refresh_url handler: a new link with the same parameters.
inline Result<v2::core::AccountLink> refresh_link(const Client& client,
                                                  const v2::core::AccountLinkCreateParams& earlier,
                                                  const RequestOptions& ro = {}) {
  return client.v2().core().account_links().create(earlier, ro);
}

/// Builds and creates an account link after checking the account can have that type, so an
/// impossible account_update link fails here, naming the reason, instead of at Stripe.
inline Result<v1::AccountLink> create_link(const Client& client, const v1::Account& account, const LinkOptions& o,
                                           v1::AccountLinkCreateParams::Type type =
                                               v1::AccountLinkCreateParams::Type::account_onboarding,
                                           const RequestOptions& ro = {}) {
  if (type == v1::AccountLinkCreateParams::Type::account_update && !can_use_account_update(account)) {
    ErrorDetails d;
    d.param = "type";
    d.message = "account_update links are only for accounts whose requirements the platform collects and that "
                "have no Stripe-hosted dashboard; use account_onboarding";
    throw InvalidParamsError(std::move(d));
  }
  return client.v1().account_links().create(link_params(account.id, o, type), ro);
}

}  // namespace stripe::onboarding

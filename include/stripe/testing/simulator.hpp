#pragma once
// stripe::testing::Simulator: an in-process, stateful Connect onboarding backend behind the
// Transport seam. It serves every endpoint in scope (v1 accounts, account links and
// capabilities; v2 core accounts and account links), validates like the API, replays
// idempotent requests, injects faults, plays the user and Stripe through hooks, and delivers
// signed webhooks. Link stripe_connect::testing (it signs deliveries, through stripe_connect::webhook).
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "stripe/detail/redact.hpp"
#include "stripe/encoding/form.hpp"
#include "stripe/http/transport.hpp"
#include "stripe/testing/param_schema.hpp"
#include "stripe/testing/sim_requirements.hpp"
#include "stripe/v1/account.hpp"
#include "stripe/v1/account_link_params.hpp"
#include "stripe/v1/account_params.hpp"
#include "stripe/v1/capability.hpp"
#include "stripe/v1/capability_params.hpp"
#include "stripe/v2/core/account.hpp"
#include "stripe/v2/core/account_link_params.hpp"
#include "stripe/v2/core/account_params.hpp"
#include "stripe/webhook/signature.hpp"

namespace stripe::testing {

/// Knobs of a Simulator: its clock, timings, webhook secret and link host.
struct SimulatorOptions {
  std::int64_t start_time = 1767225600;  ///< 2026-01-01T00:00:00Z; the clock moves only when told
  std::int64_t link_ttl = 300;           ///< account links expire after this many seconds
  std::int64_t verification_delay = 60;  ///< pending verifications finish after this long
  std::int64_t requirement_deadline = 14 * 24 * 3600;  ///< seconds from currently_due to past_due
  std::int64_t future_requirements_delay = 90 * 24 * 3600;  ///< from account creation to future_requirements.current_deadline
  std::string webhook_secret = "whsec_simulator_endpoint_secret";  ///< signs webhook deliveries; give it to the endpoint under test
  std::string link_host = "connect.simulator.invalid";  ///< host of the account link URLs handed out
  /// What onboarding requests for an account with a Stripe-hosted Dashboard created without
  /// capabilities: the platform's Onboarding options in the Dashboard.
  std::vector<std::string> onboarding_capabilities = {"card_payments", "transfers"};
};

/// A signed webhook delivery, as an endpoint would receive it, and the endpoint's answer.
struct WebhookDelivery {
  std::string type;  ///< event type, e.g. account.updated
  std::string payload;  ///< the JSON body, exactly as signed
  std::string signature_header;  ///< Stripe-Signature, made with the wall-clock time of delivery
  int status = 0;                ///< the receiver's answer; 0 while it is being delivered
  std::string error;             ///< what() of the exception the receiver threw (status 500)
};

/// What happened when the user's browser opened an account link.
struct LinkVisit {
  /// Whether the visit showed the form or bounced to refresh_url.
  enum class Outcome {
    form,     ///< the onboarding form was shown
    refresh   ///< the browser was sent to refresh_url
  } outcome = Outcome::refresh;  ///< what the visit led to
  std::string redirect_url;  ///< refresh_url or return_url
  std::string reason;        ///< why a refresh: expired, already_visited, unknown_link, account_rejected, account_inaccessible
  std::vector<std::string> fields_collected;  ///< what the form asked for (on submit)
};

/// What a Fault does to a matching request.
enum class FaultKind {
  http_500,            ///< answers 500 api_error without changing state
  http_409,            ///< answers 409 lock_timeout without changing state
  http_429,            ///< answers 429 rate_limit without changing state
  drop_before_commit,  ///< the connection resets before the request is applied
  drop_after_commit    ///< the request is applied, then the answer is lost: tests idempotent retries
};

/// A failure to inject into the next matching requests, to test retries and idempotency.
struct Fault {
  FaultKind kind = FaultKind::http_500;  ///< what goes wrong
  std::string path_prefix = "/";  ///< applies to requests whose path starts with this
  int count = 1;  ///< how many matching requests it hits
};

/// An in-memory Stripe for tests: a Transport that serves accounts and account links, walks onboarding and delivers signed webhooks, all offline.
class Simulator : public http::Transport {
 public:
  /// Starts the simulated clock at options.start_time; link_host must be valid UTF-8.
  explicit Simulator(SimulatorOptions options = {}) : options_(std::move(options)), clock_(options_.start_time) {
    require_utf8("SimulatorOptions::link_host", options_.link_host);
  }

  // ---- webhooks --------------------------------------------------------------------------
  /// Sets the endpoint every event is delivered to, outside the simulator's lock (it may call the
  /// simulator). It answers like an HTTP endpoint: by returning the status (an int), or by
  /// returning nothing (200) or throwing a std::exception (500). Each delivery is signed when it
  /// is made, with the clock stripe::webhook::VerifyOptions reads by default (the wall clock), so
  /// construct_event with default options accepts it; the simulated clock still dates the events
  /// and drives deadlines. Every delivery is kept with its answer: webhook_deliveries().
  template <class Receiver>
  void on_webhook(Receiver receiver) {
    auto shared = std::make_shared<Receiver>(std::move(receiver));  // copies of the sink share it
    auto sink = [this, shared](const WebhookDelivery& queued) {
      WebhookDelivery d = queued;
      d.signature_header = webhook::sign_payload(d.payload, options_.webhook_secret, webhook::VerifyOptions().now());
      const WebhookDelivery& sent = d;
      try {
        if constexpr (std::is_void_v<std::invoke_result_t<Receiver&, const WebhookDelivery&>>) {
          (*shared)(sent);
          d.status = 200;
        } else {
          d.status = static_cast<int>((*shared)(sent));
        }
      } catch (const std::exception& e) {
        d.status = 500;
        d.error = e.what();
      }
      std::lock_guard<std::mutex> lock(mutex_);
      delivered_.push_back(std::move(d));
    };
    std::lock_guard<std::mutex> lock(mutex_);
    if (!sink_)  // the first receiver: what each account looks like now is what later changes are compared with
      for (auto& entry : accounts_)
        if (!entry.second.deleted) announce(entry.second);
    sink_ = std::move(sink);
  }
  /// Every delivery made to the receiver, oldest first, with its answer: assert on the statuses
  /// to see a receiver that rejects deliveries.
  std::vector<WebhookDelivery> webhook_deliveries() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return delivered_;
  }
  /// Secret the deliveries are signed with.
  const std::string& webhook_secret() const { return options_.webhook_secret; }

  // ---- the clock ---------------------------------------------------------------------------
  /// Current simulated time, Unix seconds.
  std::int64_t now() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return clock_;
  }
  /// Moves time on: links expire, pending verifications finish after verification_delay, future
  /// requirements become requirements at future_requirements.current_deadline, and requirements
  /// whose deadline passes become past_due.
  void advance_clock(std::int64_t seconds) {
    run_hook([&] {
      clock_ += seconds;
      // Only the accounts with something due by now, earliest first: the cost does not grow
      // with the accounts a test suite left behind.
      while (!timers_.empty() && timers_.begin()->first <= clock_) {
        SimAccount& a = accounts_.at(timers_.begin()->second);
        timers_.erase(timers_.begin());
        a.wake_at.reset();
        catch_up(a);
      }
    });
  }

  // ---- playing the user --------------------------------------------------------------------
  /// Opens a link as a browser would. A link works once and only until it expires.
  LinkVisit open_link(const std::string& url) {
    require_utf8("the link URL", url);
    LinkVisit visit;
    run_hook([&] { visit = open_locked(url); });
    return visit;
  }
  /// The user fills in everything the link's collection options ask for and clicks submit.
  /// Opens the link first if it was not opened. Returns the redirect to return_url.
  LinkVisit submit_onboarding(const std::string& url) {
    require_utf8("the link URL", url);
    LinkVisit visit;
    run_hook([&] {
      auto it = links_.find(token_of(url));
      if (it == links_.end() || !it->second.visited) {
        visit = open_locked(url);
        if (visit.outcome != LinkVisit::Outcome::form) return;
        it = links_.find(token_of(url));
      }
      SimLink& link = it->second;
      if (link.returned) {
        visit = LinkVisit{LinkVisit::Outcome::refresh, link.refresh_url, "already_visited", {}};
        return;
      }
      SimAccount& a = accounts_.at(link.account);
      if (a.deleted) {  // deleted while the form was open
        visit = LinkVisit{LinkVisit::Outcome::refresh, link.refresh_url, "account_inaccessible", {}};
        return;
      }
      for (auto& item : a.items) {
        if (item.state != Item::State::due) continue;
        bool in_scope = !item.spec->eventually && !is_future(item);
        if (item.escalated || (item.spec->eventually && link.fields == "eventually_due")) in_scope = true;
        if (is_future(item) && link.future == "include") in_scope = true;
        if (!in_scope) continue;
        provide(item);
        visit.fields_collected.push_back(item.spec->name);
      }
      a.details_submitted = true;
      if (!a.tos_date) {
        a.tos_date = clock_;
        a.tos_ip = "198.51.100.7";
      }
      if (currently_due(a).empty()) {
        a.past_deadline = false;
        a.current_deadline.reset();
      }
      link.returned = true;
      visit.outcome = LinkVisit::Outcome::form;
      visit.redirect_url = link.return_url;
      if (link.v2) {
        // stripe-node's V2CoreAccountLinkReturnedEvent: data, and no related object.
        json configurations = link.configurations.empty() ? json(a.configurations) : json(link.configurations);
        queue_v2_event(a, "v2.core.account_link.returned",
                       {{"account_id", a.id}, {"configurations", configurations}, {"use_case", link.type}}, false);
      }
      touch(a.id);
    });
    return visit;
  }

  // ---- playing Stripe ----------------------------------------------------------------------
  /// Finishes every pending verification of an account now.
  void complete_verifications(const std::string& account) {
    require_utf8("account", account);
    run_hook([&] {
      for (auto& item : find(account).items)
        if (item.state == Item::State::pending) verified(item);
      touch(account);
    });
  }
  /// Fails the verification of one requirement: it is due again, with a requirements error.
  void fail_verification(const std::string& account, const std::string& requirement,
                         const std::string& code = "verification_document_expired",
                         const std::string& reason = "The document has expired. Upload an unexpired document.") {
    for (const auto* text : {&account, &requirement, &code, &reason}) require_utf8("fail_verification's text", *text);
    run_hook([&] {
      SimAccount& a = find(account);
      for (auto& item : a.items) {
        if (item.spec->name != requirement) continue;
        item.state = Item::State::due;
        item.escalated = item.spec->eventually;
        item.error_code = code;
        item.error_reason = reason;
        touch(account);
        return;
      }
      throw std::invalid_argument("no requirement " + requirement + " on this account");
    });
  }
  /// Stripe needs the eventually_due information now: it becomes currently_due with a deadline.
  void require_eventually_due(const std::string& account) {
    require_utf8("account", account);
    run_hook([&] {
      SimAccount& a = find(account);
      for (auto& item : a.items)
        if (item.state == Item::State::due && item.spec->eventually) item.escalated = true;
      if (!currently_due(a).empty()) a.current_deadline = clock_ + options_.requirement_deadline;
      touch(account);
    });
  }
  /// The current deadline passes now: currently_due becomes past_due and the account is disabled.
  void pass_deadline(const std::string& account) {
    require_utf8("account", account);
    run_hook([&] {
      SimAccount& a = find(account);
      if (!currently_due(a).empty()) a.past_deadline = true;
      touch(account);
    });
  }
  /// Stripe rejects the account (fraud, terms_of_service, listed, other).
  void reject_account(const std::string& account, const std::string& reason = "fraud") {
    require_utf8("account", account);
    require_utf8("the rejection reason", reason);
    run_hook([&] {
      find(account).rejected = "rejected." + reason;
      touch(account);
    });
  }

  // ---- faults ------------------------------------------------------------------------------
  /// Arms a fault for the next matching requests.
  void inject_fault(Fault f) {
    std::lock_guard<std::mutex> lock(mutex_);
    faults_.push_back(std::move(f));
  }
  /// How many mutating requests changed state (replays and refused requests do not count).
  std::size_t commits() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return commits_;
  }
  /// Every link URL handed out, newest last (tests need them; never log them).
  std::vector<std::string> link_urls() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return link_urls_;
  }

  /// Runs at the start of every request, while its idempotency key is in flight and before it
  /// executes, without the simulator's lock: a test can send a concurrent request from it (the
  /// hook runs for that one too) or block to widen a race.
  void on_request(std::function<void(const http::Request&)> hook) {
    std::lock_guard<std::mutex> lock(mutex_);
    request_hook_ = std::move(hook);
  }

  // ---- the transport -----------------------------------------------------------------------
  http::Response send(const http::Request& req) override {
    KeyClaim claim(*this, req);
    std::vector<WebhookDelivery> deliveries;
    std::function<void(const WebhookDelivery&)> sink;
    http::Response resp;
    bool drop = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      resp = dispatch(req, drop, claim.in_use);
      claim.release_locked();
      deliveries.swap(outbox_);
      sink = sink_;
    }
    if (sink)
      for (const auto& d : deliveries) sink(d);
    if (drop) throw http::NoResponseError(http::NoResponseError::Kind::reset, "simulated connection reset after commit");
    return resp;
  }

 private:
  struct Item {
    const RequirementSpec* spec = nullptr;  // in requirement_tables_: shared, not copied per account
    enum class State { due, pending, verified } state = State::due;
    std::int64_t submitted_at = 0;
    bool escalated = false;  // an eventually_due item Stripe now needs by the deadline
    bool reverifying = false;  // verified before, checked again after a change: enabled stays enabled
    bool matured = false;  // a future requirement whose deadline passed: it is a requirement now
    std::string error_code, error_reason;
  };

  struct SimAccount {
    std::string id;
    bool v2 = false;
    std::int64_t created = 0;
    std::string country = "US";
    std::string business_type = "individual";
    std::string type;  // v1 type when created with one
    nlohmann::json controller = nlohmann::json::object();
    std::vector<std::string> capabilities;  // requested, in request order
    std::map<std::string, std::int64_t> requested_at;
    std::vector<Item> items;
    bool details_submitted = false;
    bool kyc_locked = false;  // Stripe collects: the platform may not change identity after the first link
    std::optional<std::int64_t> current_deadline;
    std::optional<std::int64_t> future_deadline;  // when future requirements become requirements
    std::optional<std::int64_t> wake_at;  // its entry in timers_: when it next changes by itself
    bool past_deadline = false;
    std::string rejected;  // disabled_reason when rejected
    bool deleted = false, closed = false;
    std::optional<std::string> email;
    nlohmann::json business_profile, individual, company, metadata = nlohmann::json::object();
    std::optional<std::int64_t> tos_date;
    std::optional<std::string> tos_ip;
    std::string service_agreement = "full";  // immutable, like country
    // v2
    std::string display_name, dashboard = "none", requirements_collector = "stripe";
    std::vector<std::string> configurations;
    nlohmann::json identity, defaults;
    // change tracking for webhooks
    nlohmann::json last_v1, last_v2_requirements;
    std::map<std::string, std::string> last_caps;
  };

  struct SimLink {
    std::string account, type, fields = "currently_due", future = "omit", refresh_url, return_url;
    std::int64_t created = 0, expires_at = 0;
    bool visited = false, returned = false, v2 = false;
    std::vector<std::string> configurations;
  };

  struct Stored {
    std::string fingerprint;
    http::Response response;
  };

  using json = nlohmann::json;

  // Marks a mutating request's idempotency key as in flight from its arrival until it is
  // answered, and runs the request hook meanwhile. A second request with that key in the
  // meantime finds `in_use`.
  struct KeyClaim {
    Simulator& sim;
    std::string key;  // empty: nothing claimed
    bool in_use = false;

    KeyClaim(Simulator& s, const http::Request& req) : sim(s) {
      std::function<void(const http::Request&)> hook;
      {
        std::lock_guard<std::mutex> lock(sim.mutex_);
        std::string k = req.headers.get("Idempotency-Key").value_or("");
        if (req.method != http::Method::get && !k.empty()) {
          in_use = !sim.in_flight_.insert(k).second;
          if (!in_use) key = std::move(k);
        }
        hook = sim.request_hook_;
      }
      try {
        if (hook) hook(req);
      } catch (...) {
        release();
        throw;
      }
    }
    ~KeyClaim() { release(); }
    KeyClaim(const KeyClaim&) = delete;
    KeyClaim& operator=(const KeyClaim&) = delete;
    void release_locked() {
      if (!key.empty()) sim.in_flight_.erase(key);
      key.clear();
    }
    void release() {
      if (key.empty()) return;
      std::lock_guard<std::mutex> lock(sim.mutex_);
      release_locked();
    }
  };

  // ---- helpers -----------------------------------------------------------------------------
  template <class F>
  void run_hook(F&& f) {
    std::vector<WebhookDelivery> deliveries;
    std::function<void(const WebhookDelivery&)> sink;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      f();
      deliveries.swap(outbox_);
      sink = sink_;
    }
    if (sink)
      for (const auto& d : deliveries) sink(d);
  }

  SimAccount& find(const std::string& id) {
    auto it = accounts_.find(id);
    if (it == accounts_.end()) throw std::invalid_argument("no such simulated account");
    return it->second;
  }

  static std::string token_of(const std::string& url) {
    auto slash = url.rfind('/');
    return slash == std::string::npos ? url : url.substr(slash + 1);
  }

  std::string rfc3339(std::int64_t t) const {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    return buf;
  }

  std::string next_id(const char* prefix) {
    static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::uint64_t n = ++id_counter_ * 0x9E3779B97F4A7C15ull;
    std::string s = prefix;
    s += "1Sim";
    for (int i = 0; i < 12; ++i) {
      s.push_back(alphabet[n % 62]);
      n /= 62;
    }
    return s;
  }

  void provide(Item& item) {
    item.error_code.clear();
    item.error_reason.clear();
    item.escalated = false;
    item.reverifying = false;
    if (item.spec->verified) {
      item.state = Item::State::pending;
      item.submitted_at = clock_;
    } else {
      item.state = Item::State::verified;
    }
  }

  static bool is_future(const Item& i) { return i.spec->future && !i.matured; }

  // future_requirements.current_deadline: the future requirements become requirements, due by
  // the usual deadline after it ("the account may also be given a grace period").
  void mature_future_requirements(SimAccount& a) {
    if (!a.future_deadline || clock_ < *a.future_deadline) return;
    bool due = false;
    for (auto& item : a.items)
      if (is_future(item)) {
        item.matured = true;
        item.escalated = true;
        due = due || item.state == Item::State::due;
      }
    if (due && !a.current_deadline) a.current_deadline = *a.future_deadline + options_.requirement_deadline;
    a.future_deadline.reset();
  }

  static void verified(Item& item) {
    item.state = Item::State::verified;
    item.reverifying = false;
  }

  // The API-onboarding guide: "After Stripe confirms acceptance of our terms of service, any
  // change to the Account triggers reverification. For example, if you change the connected
  // account's name and ID number, Stripe reruns verifications." It also says "if a future
  // verification fails, a capability can transition out of active": a capability stays as it
  // is while they rerun.
  void reverify(SimAccount& a, std::initializer_list<const char*> prefixes) {
    for (auto& item : a.items) {
      if (item.state != Item::State::verified || !item.spec->verified) continue;
      for (const char* prefix : prefixes)
        if (item.spec->name.rfind(prefix, 0) == 0) {
          item.state = Item::State::pending;
          item.submitted_at = clock_;
          item.reverifying = true;
        }
    }
  }

  // Items the account must provide now (including those whose deadline passed).
  static bool blocking(const Item& i) {
    return i.state == Item::State::due && !is_future(i) && (!i.spec->eventually || i.escalated);
  }
  static std::vector<std::string> currently_due(const SimAccount& a, const std::string& capability = "") {
    std::vector<std::string> out;
    for (const auto& i : a.items)
      if (blocking(i) && (capability.empty() || i.spec->capability.empty() || i.spec->capability == capability))
        out.push_back(i.spec->name);
    return out;
  }
  static bool due_without_grace(const SimAccount& a) {
    return std::any_of(a.items.begin(), a.items.end(), [](const Item& i) { return blocking(i) && !i.escalated; });
  }
  static std::vector<std::string> eventually_due(const SimAccount& a) {
    std::vector<std::string> out;
    for (const auto& i : a.items)
      if (i.state == Item::State::due && !is_future(i)) out.push_back(i.spec->name);
    return out;
  }
  static std::vector<std::string> pending(const SimAccount& a, const std::string& capability = "") {
    std::vector<std::string> out;
    for (const auto& i : a.items)
      if (i.state == Item::State::pending &&
          (capability.empty() || i.spec->capability.empty() || i.spec->capability == capability))
        out.push_back(i.spec->name);
    return out;
  }
  static std::vector<std::string> future_due(const SimAccount& a) {
    std::vector<std::string> out;
    for (const auto& i : a.items)
      if (i.state == Item::State::due && is_future(i)) out.push_back(i.spec->name);
    return out;
  }

  // active | pending | inactive for a requested capability.
  static std::string capability_status(const SimAccount& a, const std::string& cap) {
    if (!a.rejected.empty()) return "inactive";
    if (!currently_due(a, cap).empty()) return a.past_deadline || !a.details_submitted || !escalated_only(a, cap) ? "inactive" : "active";
    // Information needed to enable the capability is still being verified. Eventually-due
    // information under review does not switch an enabled capability off.
    for (const auto& i : a.items)
      if (i.state == Item::State::pending && !i.spec->eventually && !i.reverifying &&
          (i.spec->capability.empty() || i.spec->capability == cap))
        return "pending";
    return "active";
  }
  // True when everything due for `cap` is an escalated eventually_due item still before its deadline.
  static bool escalated_only(const SimAccount& a, const std::string& cap) {
    for (const auto& i : a.items)
      if (blocking(i) && (i.spec->capability.empty() || i.spec->capability == cap) && !i.escalated) return false;
    return true;
  }
  static bool has_cap(const SimAccount& a, const std::string& cap) {
    return std::find(a.capabilities.begin(), a.capabilities.end(), cap) != a.capabilities.end();
  }
  // The API-onboarding guide: charges_enabled "evaluates if either card_payments or transfers
  // capabilities are active". Payouts need one of the two as well.
  static bool card_payments_or_transfers_active(const SimAccount& a) {
    for (const char* cap : {"card_payments", "transfers"})
      if (has_cap(a, cap) && capability_status(a, cap) == "active") return true;
    return false;
  }
  static bool charges_enabled(const SimAccount& a) { return card_payments_or_transfers_active(a); }
  static bool payouts_enabled(const SimAccount& a) { return card_payments_or_transfers_active(a); }

  void request_capability(SimAccount& a, const std::string& cap) {
    if (has_cap(a, cap)) return;
    a.capabilities.push_back(cap);
    a.requested_at[cap] = clock_;
  }

  // The Express guide: "If you omit capabilities, Connect Onboarding uses the settings in the
  // Configuration settings section of the Stripe Dashboard to automatically request
  // capabilities"; the hosted-onboarding guide says the same of a Full Dashboard.
  void request_onboarding_capabilities(SimAccount& a) {
    if (a.v2 || !a.capabilities.empty() || !dashboard_hosted(a)) return;
    for (const auto& cap : options_.onboarding_capabilities) request_capability(a, cap);
    rebuild_items(a);
  }

  // The requirement table for an account's country, business type and capabilities, built once
  // per combination.
  const std::vector<RequirementSpec>& requirement_table(const SimAccount& a) {
    std::set<std::string> caps(a.capabilities.begin(), a.capabilities.end());
    std::string key = a.country + "|" + a.business_type;
    for (const auto& cap : caps) key += "|" + cap;
    auto it = requirement_tables_.find(key);
    if (it == requirement_tables_.end())
      it = requirement_tables_.emplace(key, requirements_for(a.country, a.business_type, caps)).first;
    return it->second;
  }

  void rebuild_items(SimAccount& a) {
    std::vector<Item> next;
    const auto& table = requirement_table(a);
    next.reserve(table.size());
    for (const auto& spec : table) {
      Item item;
      for (const auto& old : a.items)
        if (old.spec->name == spec.name) item = old;  // keeps its progress
      item.spec = &spec;
      next.push_back(std::move(item));
    }
    a.items = std::move(next);
  }

  // A requirement is met by its own path or by a part of it: individual.verification.document by
  // individual.verification.document.front.
  static bool covers(const std::set<std::string>& paths, const std::string& requirement) {
    if (paths.count(requirement)) return true;
    const std::string part = requirement + ".";
    auto next = paths.lower_bound(part);
    return next != paths.end() && next->compare(0, part.size(), part) == 0;
  }

  // Marks as provided every requirement whose dotted name (or a part of it) the params contain.
  template <class Json>
  void apply_prefill(SimAccount& a, const Json& params) {
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
      if (item.state == Item::State::due && covers(paths, item.spec->name)) provide(item);
  }

  // ---- rendering ---------------------------------------------------------------------------
  std::vector<v1::Account::Requirements::Errors> errors_of(const SimAccount& a) const {
    std::vector<v1::Account::Requirements::Errors> out;
    for (const auto& i : a.items)
      if (!i.error_code.empty()) {
        v1::Account::Requirements::Errors e;
        e.code = v1::Account::Requirements::Errors::Code(std::string(i.error_code));
        e.reason = i.error_reason;
        e.requirement = i.spec->name;
        out.push_back(std::move(e));
      }
    return out;
  }

  json render_v1(const SimAccount& a) const {
    v1::Account out;
    out.id = a.id;
    out.object = "account";
    if (!a.type.empty()) out.type = v1::Account::Type(std::string(a.type));
    out.business_type = v1::Account::BusinessType(std::string(a.business_type));
    out.country = a.country;
    out.created = a.created;
    out.default_currency = default_currency(a.country);
    out.email = a.email;
    out.details_submitted = a.details_submitted;
    out.charges_enabled = charges_enabled(a);
    out.payouts_enabled = payouts_enabled(a);
    for (const auto& cap : a.capabilities) out.capabilities[cap] = v1::Account::CapabilityStatus(capability_status(a, cap));
    out.controller = decode<v1::Account::Controller>(a.controller);
    if (a.business_profile.is_object())
      out.business_profile = decode<v1::Account::BusinessProfile>(
          pick(a.business_profile, {"name", "url", "mcc", "product_description", "support_email", "support_phone",
                                    "support_url"}));
    v1::Account::Requirements r;
    r.alternatives.emplace();
    r.currently_due = currently_due(a);
    r.eventually_due = eventually_due(a);
    r.past_due = a.past_deadline ? currently_due(a) : std::vector<std::string>{};
    r.pending_verification = pending(a);
    r.errors = errors_of(a);
    if (a.current_deadline && !r.currently_due->empty()) r.current_deadline = *a.current_deadline;
    if (!a.rejected.empty()) r.disabled_reason = v1::Account::Requirements::DisabledReason(std::string(a.rejected));
    else if (!r.past_due->empty()) r.disabled_reason = "requirements.past_due";
    // The API-onboarding guide's new account: currently_due items, an empty past_due and
    // "disabled_reason": "requirements.past_due". Items with a deadline still ahead disable nothing.
    else if (!out.charges_enabled && !out.payouts_enabled && due_without_grace(a))
      r.disabled_reason = "requirements.past_due";
    else if (!out.charges_enabled && !out.payouts_enabled && r.currently_due->empty() && !r.pending_verification->empty())
      r.disabled_reason = "requirements.pending_verification";
    out.requirements = std::move(r);
    v1::Account::Requirements f;
    f.alternatives.emplace();
    f.currently_due.emplace();
    f.eventually_due = future_due(a);
    if (a.future_deadline && !f.eventually_due->empty()) f.current_deadline = *a.future_deadline;
    f.past_due.emplace();
    f.pending_verification.emplace();
    f.errors.emplace();
    out.future_requirements = std::move(f);
    v1::Account::TosAcceptance tos;
    tos.date = a.tos_date;
    tos.ip = a.tos_ip;
    tos.service_agreement = a.service_agreement;
    out.tos_acceptance = tos;
    for (auto it = a.metadata.begin(); it != a.metadata.end(); ++it)
      if (it.value().is_string()) out.metadata[it.key()] = it.value().get<std::string>();
    if (a.individual.is_object() && a.business_type == "individual") {
      auto ind = decode<v1::Account::Individual>(
          pick(a.individual, {"first_name", "last_name", "email", "phone", "gender", "nationality", "first_name_kana",
                              "last_name_kana", "first_name_kanji", "last_name_kanji", "political_exposure"}));
      ind.dob = a.individual.value("dob", json(nullptr));
      ind.address = a.individual.value("address", json(nullptr));
      ind.object = "person";
      ind.account = a.id;
      ind.id = "person_" + a.id.substr(5);
      ind.created = a.created;
      out.individual = std::move(ind);
    }
    if (a.company.is_object()) {
      auto co = decode<v1::Account::Company>(pick(a.company, {"name", "phone", "structure", "name_kana", "name_kanji"}));
      auto flag = [&](const char* key) -> std::optional<bool> {
        if (!a.company.contains(key)) return std::nullopt;
        return a.company[key] == "true" || a.company[key] == true;
      };
      co.directors_provided = flag("directors_provided");
      co.executives_provided = flag("executives_provided");
      co.owners_provided = flag("owners_provided");
      if (a.company.contains("tax_id")) co.tax_id_provided = true;
      co.address = a.company.value("address", json(nullptr));
      out.company = std::move(co);
    }
    json j = encode(out);
    j["external_accounts"] = {{"object", "list"}, {"data", json::array()}, {"has_more", false},
                              {"url", "/v1/accounts/" + a.id + "/external_accounts"}};
    return j;
  }

  json render_capability(const SimAccount& a, const std::string& cap) const {
    v1::Capability c;
    c.id = cap;
    c.object = "capability";
    c.account.id = a.id;
    bool requested = has_cap(a, cap);
    c.requested = requested;
    if (requested) c.requested_at = a.requested_at.at(cap);
    c.status = requested ? v1::Capability::Status(capability_status(a, cap)) : v1::Capability::Status("unrequested");
    v1::Capability::Requirements r;
    r.alternatives.emplace();
    if (requested) {
      r.currently_due = currently_due(a, cap);
      r.past_due = a.past_deadline ? r.currently_due : std::vector<std::string>{};
      r.pending_verification = pending(a, cap);
      r.eventually_due = r.currently_due;
      for (const auto& i : a.items)
        if (i.state == Item::State::due && i.spec->eventually && !i.escalated &&
            (i.spec->capability.empty() || i.spec->capability == cap))
          r.eventually_due.push_back(i.spec->name);
      if (a.current_deadline && !r.currently_due.empty()) r.current_deadline = *a.current_deadline;
      if (!a.rejected.empty()) r.disabled_reason = "rejected.other";
      else if (!r.past_due.empty()) r.disabled_reason = "requirements.past_due";
      else if (c.status == "inactive") r.disabled_reason = "requirements.fields_needed";
      else if (c.status == "pending") r.disabled_reason = "pending.review";
      for (const auto& e : errors_of(a)) {
        v1::Capability::Requirements::Errors ce;
        ce.code = v1::Capability::Requirements::Errors::Code(std::string(e.code.value()));
        ce.reason = e.reason;
        ce.requirement = e.requirement;
        r.errors.push_back(std::move(ce));
      }
    }
    c.requirements = r;
    v1::Capability::Requirements f;
    f.alternatives.emplace();
    c.future_requirements = f;
    return encode(c);
  }

  // Only string fields: form values arrive as text and the typed model checks types.
  static json pick(const json& from, std::initializer_list<const char*> keys) {
    json out = json::object();
    for (const char* k : keys)
      if (from.contains(k) && from[k].is_string()) out[k] = from[k];
    return out;
  }

  static std::string default_currency(const std::string& country) {
    static const std::map<std::string, std::string> m = {{"US", "usd"}, {"GB", "gbp"}, {"DE", "eur"},
                                                         {"FR", "eur"}, {"JP", "jpy"}, {"SG", "sgd"}};
    auto it = m.find(country);
    return it == m.end() ? "usd" : it->second;
  }

  // v2 capability status for one v1-style capability name.
  v2::core::Account::CapabilityStatus v2_capability(const SimAccount& a, const std::string& cap) const {
    v2::core::Account::CapabilityStatus s;
    v2::core::Account::StatusDetail d;
    if (!a.rejected.empty()) {
      s.status = "restricted";
      d.code = "rejected_other";
      d.resolution = "contact_stripe";
      s.status_details.push_back(d);
    } else {
      std::string v1status = capability_status(a, cap);
      if (v1status == "active") {
        s.status = "active";
      } else if (v1status == "pending") {
        s.status = "pending";
        d.code = "requirements_pending_verification";
        d.resolution = "no_resolution";
        s.status_details.push_back(d);
      } else {
        s.status = "restricted";
        d.code = "requirements_past_due";
        d.resolution = "provide_info";
        s.status_details.push_back(d);
      }
    }
    return s;
  }

  json render_v2_requirements(const SimAccount& a) const {
    json entries = json::array();
    const bool recipient = std::find(a.configurations.begin(), a.configurations.end(), "recipient") != a.configurations.end();
    for (const auto& i : a.items) {
      if (is_future(i) || i.state == Item::State::verified) continue;
      std::string deadline = i.spec->eventually && !i.escalated ? "eventually_due"
                             : a.past_deadline                 ? "past_due"
                                                               : "currently_due";
      json impact = json::array();
      if (deadline != "eventually_due" && !i.spec->eventually)
        impact.push_back({{"capability", recipient ? "stripe_transfers" : "card_payments"},
                          {"configuration", recipient ? "recipient" : "merchant"},
                          {"deadline", {{"status", deadline}}}});
      json errors = json::array();
      if (!i.error_code.empty()) errors.push_back({{"code", i.error_code}, {"description", i.error_reason}});
      entries.push_back({{"awaiting_action_from", i.state == Item::State::pending ? "stripe" : "user"},
                         {"description", i.spec->name},
                         {"errors", errors},
                         {"impact", {{"restricts_capabilities", impact}}},
                         {"minimum_deadline", {{"status", deadline}}},
                         {"reference", nullptr},
                         {"requested_reasons",
                          json::array({{{"code", i.state == Item::State::pending ? "routine_verification" : "routine_onboarding"}}})}});
    }
    return {{"entries", entries}};
  }

  json render_v2(const SimAccount& a, const std::set<std::string>& include) const {
    v2::core::Account out;
    out.id = a.id;
    out.object = "v2.core.account";
    out.created = rfc3339(a.created);
    out.closed = a.closed;
    out.livemode = false;
    out.display_name = a.display_name;
    if (a.email) out.contact_email = a.email;
    out.dashboard = v2::core::Account::Dashboard(std::string(a.dashboard));
    for (const auto& c : a.configurations) out.applied_configurations.emplace_back(std::string(c));
    for (auto it = a.metadata.begin(); it != a.metadata.end(); ++it)
      if (it.value().is_string()) out.metadata[it.key()] = it.value().get<std::string>();
    json j = encode(out);
    auto has = [&](const char* c) {
      return std::find(a.configurations.begin(), a.configurations.end(), c) != a.configurations.end();
    };
    if (include.count("configuration.recipient") && has("recipient")) {
      json caps = {{"stripe_balance",
                    {{"stripe_transfers", encode(v2_capability(a, "transfers"))},
                     {"payouts", encode(v2_capability(a, "transfers"))}}}};
      j["configuration"]["recipient"] = {{"applied", true}, {"capabilities", caps}};
    }
    if (include.count("configuration.merchant") && has("merchant"))
      j["configuration"]["merchant"] = {{"applied", true},
                                        {"capabilities", {{"card_payments", encode(v2_capability(a, "card_payments"))}}}};
    if (include.count("requirements")) j["requirements"] = render_v2_requirements(a);
    if (include.count("future_requirements")) {
      json entries = json::array();
      for (const auto& name : future_due(a))
        entries.push_back({{"awaiting_action_from", "user"}, {"description", name}, {"errors", json::array()},
                           {"impact", {{"restricts_capabilities", json::array()}}},
                           {"minimum_deadline", {{"status", "eventually_due"}}},
                           {"requested_reasons", json::array({{{"code", "future_requirements"}}})}});
      j["future_requirements"] = {{"entries", entries}};
    }
    if (include.count("identity")) {
      json id = a.identity.is_object() ? a.identity : json::object();
      id["country"] = a.country;
      id["entity_type"] = a.business_type;
      j["identity"] = id;
    }
    if (include.count("defaults")) {
      json d = a.defaults.is_object() ? a.defaults : json::object();
      d["responsibilities"]["requirements_collector"] = a.requirements_collector;
      if (!d.contains("currency")) d["currency"] = default_currency(a.country);
      j["defaults"] = d;
    }
    return j;
  }

  // ---- webhooks ----------------------------------------------------------------------------
  void queue(const std::string& type, json payload) {
    WebhookDelivery d;
    d.type = type;
    d.payload = payload.dump();  // signed when delivered (on_webhook)
    outbox_.push_back(std::move(d));
  }

  // Delivers the thin notification; the event with its `data` is kept for GET /v2/core/events/{id}.
  // `context` names the account the event happened on (a string in stripe-node's types, never null).
  void queue_v2_event(const SimAccount& a, const std::string& type, json data = nullptr, bool related = true) {
    json notification = {{"id", next_id("evt_")}, {"object", "v2.core.event"}, {"type", type},
                         {"created", rfc3339(clock_)}, {"livemode", false}, {"context", a.id}};
    if (related)
      notification["related_object"] = {{"id", a.id}, {"type", "v2.core.account"}, {"url", "/v2/core/accounts/" + a.id}};
    json event = notification;
    if (!data.is_null()) event["data"] = std::move(data);
    v2_events_[notification["id"].get<std::string>()] = std::move(event);
    queue(type, std::move(notification));
  }

  // The v2 capabilities (and their configuration) that show a v1-style capability's status.
  static std::vector<std::pair<std::string, std::string>> v2_capabilities_of(const std::string& cap) {
    if (cap == "transfers") return {{"recipient", "stripe_balance.stripe_transfers"}, {"recipient", "stripe_balance.payouts"}};
    if (cap == "card_payments") return {{"merchant", "card_payments"}};
    return {};
  }

  // After any change to an account: index when it next changes by itself, and announce the
  // change to a receiver. With nobody listening nothing is rendered (on_webhook takes the
  // baseline when a receiver comes).
  void touch(const std::string& id) {
    SimAccount& a = accounts_.at(id);
    if (a.deleted) return;
    schedule(a);
    if (sink_) announce(a);
  }

  // The time an account next changes by itself. If it has passed, the visit makes progress
  // (a verification finishes, a deadline passes), so advance_clock never revisits in a loop.
  std::optional<std::int64_t> next_change(const SimAccount& a) const {
    std::optional<std::int64_t> next;
    auto consider = [&next](std::int64_t t) { next = next ? std::min(*next, t) : t; };
    for (const auto& item : a.items)
      if (item.state == Item::State::pending) consider(item.submitted_at + options_.verification_delay);
    if (a.future_deadline) consider(*a.future_deadline);
    if (a.current_deadline && !a.past_deadline && !currently_due(a).empty()) consider(*a.current_deadline);
    return next;
  }

  // Keeps one timer per account, at its next change, for advance_clock to visit it then and
  // only then. Most changes leave that time as it was and cost no tree operation.
  void schedule(SimAccount& a) {
    const auto next = next_change(a);
    if (next == a.wake_at) return;
    if (a.wake_at) timers_.erase({*a.wake_at, a.id});
    a.wake_at = next;
    if (next) timers_.emplace(*next, a.id);
  }

  // What time does to one account: verifications finish, future requirements become
  // requirements, a passed deadline disables. A visit that finds nothing to do (the
  // verification was completed by hand meanwhile) costs no rendering.
  void catch_up(SimAccount& a) {
    if (a.deleted) return;
    bool changed = false;
    for (auto& item : a.items)
      if (item.state == Item::State::pending && clock_ - item.submitted_at >= options_.verification_delay) {
        verified(item);
        changed = true;
      }
    if (a.future_deadline && clock_ >= *a.future_deadline) {
      mature_future_requirements(a);
      changed = true;
    }
    if (!a.past_deadline && a.current_deadline && clock_ >= *a.current_deadline && !currently_due(a).empty()) {
      a.past_deadline = true;
      changed = true;
    }
    if (changed) touch(a.id);
    else schedule(a);
  }

  // Compares an account with what was last announced and queues the events a change causes.
  // The first time there is nothing to compare with: it only records.
  void announce(SimAccount& a) {
    json now_v1 = render_v1(a);
    if (!a.last_v1.is_null() && now_v1 != a.last_v1) {
      json previous = json::object();
      for (auto it = now_v1.begin(); it != now_v1.end(); ++it)
        if (!a.last_v1.contains(it.key()) || a.last_v1[it.key()] != it.value())
          previous[it.key()] = a.last_v1.contains(it.key()) ? a.last_v1[it.key()] : json(nullptr);
      queue("account.updated", {{"id", next_id("evt_")}, {"object", "event"}, {"type", "account.updated"},
                                {"api_version", "2026-10-28.endive"}, {"created", clock_}, {"livemode", false},
                                {"pending_webhooks", 1}, {"account", a.id},
                                {"data", {{"object", now_v1}, {"previous_attributes", previous}}},
                                {"request", {{"id", nullptr}, {"idempotency_key", nullptr}}}});
    }
    for (const auto& cap : a.capabilities) {
      std::string status = capability_status(a, cap);
      auto old = a.last_caps.find(cap);
      if (old != a.last_caps.end() && old->second != status)
        queue("capability.updated", {{"id", next_id("evt_")}, {"object", "event"}, {"type", "capability.updated"},
                                     {"created", clock_}, {"livemode", false}, {"pending_webhooks", 1}, {"account", a.id},
                                     {"data", {{"object", render_capability(a, cap)},
                                               {"previous_attributes", {{"status", old->second}}}}}});
      if (a.v2 && old != a.last_caps.end() && old->second != status)
        for (const auto& [configuration, v2_capability] : v2_capabilities_of(cap))
          if (std::find(a.configurations.begin(), a.configurations.end(), configuration) != a.configurations.end())
            queue_v2_event(a, "v2.core.account[configuration." + configuration + "].capability_status_updated",
                           {{"updated_capability", v2_capability}});
      a.last_caps[cap] = status;
    }
    if (a.v2) {
      json reqs = render_v2_requirements(a);
      if (!a.last_v2_requirements.is_null() && reqs != a.last_v2_requirements)
        queue_v2_event(a, "v2.core.account[requirements].updated");
      a.last_v2_requirements = std::move(reqs);
    }
    a.last_v1 = std::move(now_v1);
  }

  LinkVisit open_locked(const std::string& url) {
    auto it = links_.find(token_of(url));
    if (it == links_.end() || url.find(options_.link_host) == std::string::npos)
      return LinkVisit{LinkVisit::Outcome::refresh, "", "unknown_link", {}};
    SimLink& link = it->second;
    SimAccount& a = accounts_.at(link.account);
    // The Express guide sends the user to refresh_url when "Your platform can no longer access
    // the account."
    if (a.deleted) return LinkVisit{LinkVisit::Outcome::refresh, link.refresh_url, "account_inaccessible", {}};
    if (!a.rejected.empty()) return LinkVisit{LinkVisit::Outcome::refresh, link.refresh_url, "account_rejected", {}};
    if (link.visited) return LinkVisit{LinkVisit::Outcome::refresh, link.refresh_url, "already_visited", {}};
    if (clock_ >= link.expires_at) return LinkVisit{LinkVisit::Outcome::refresh, link.refresh_url, "expired", {}};
    link.visited = true;
    request_onboarding_capabilities(a);
    touch(a.id);
    return LinkVisit{LinkVisit::Outcome::form, "", "", {}};
  }

  // ---- HTTP --------------------------------------------------------------------------------
  http::Response reply(int status, const json& body) {
    http::Response r;
    r.status = status;
    // Never fails: text that is not UTF-8 (an unknown id echoed from the path) becomes U+FFFD.
    r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
    r.headers.add("Content-Type", "application/json");
    r.headers.add("Request-Id", "req_sim_" + std::to_string(++request_counter_));
    r.headers.add("Stripe-Version", "2026-10-28.endive");
    return r;
  }
  http::Response error(int status, const std::string& type, const std::string& message, const std::string& param = "",
                       const std::string& code = "") {
    json e = {{"type", type}, {"message", message}};
    if (!param.empty()) e["param"] = param;
    if (!code.empty()) {
      e["code"] = code;
      e["doc_url"] = "https://docs.stripe.com/error-codes/" + code;
    }
    return reply(status, {{"error", e}});
  }
  http::Response missing(const std::string& what, const std::string& id) {
    return error(404, "invalid_request_error", "No such " + what + ": '" + id + "'", "id", "resource_missing");
  }

  http::Response dispatch(const http::Request& req, bool& drop, bool key_in_use) {
    refused_ = false;
    // Split the URL into path and query; the path without dot segments, as production sees it.
    std::string url = req.url;
    auto scheme = url.find("://");
    std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
    auto slash = rest.find('/');
    std::string path_query = slash == std::string::npos ? "/" : rest.substr(slash);
    auto q = path_query.find('?');
    std::string path = remove_dot_segments(path_query.substr(0, q));
    std::string query = q == std::string::npos ? "" : path_query.substr(q + 1);
    path_query = q == std::string::npos ? path : path + "?" + query;

    for (auto it = faults_.begin(); it != faults_.end(); ++it) {
      if (path.rfind(it->path_prefix, 0) != 0 || it->count <= 0) continue;
      FaultKind kind = it->kind;
      if (--it->count == 0) faults_.erase(it);
      switch (kind) {
        case FaultKind::http_500: return error(500, "api_error", "Simulated server error.");
        case FaultKind::http_409: return error(409, "invalid_request_error", "Simulated lock timeout.", "", "lock_timeout");
        case FaultKind::http_429: return error(429, "invalid_request_error", "Simulated rate limit.", "", "rate_limit");
        case FaultKind::drop_before_commit:
          throw http::NoResponseError(http::NoResponseError::Kind::reset, "simulated connection reset");
        case FaultKind::drop_after_commit: drop = true; break;
      }
      break;
    }

    auto auth = req.headers.get("Authorization").value_or("");
    std::string key = auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : "";
    if (key.rfind("sk_test_", 0) != 0 && key.rfind("sk_live_", 0) != 0 && key.rfind("rk_test_", 0) != 0)
      return error(401, "invalid_request_error",
                   key.empty() ? "You did not provide an API key." : "Invalid API Key provided: " + stripe::detail::redact(key));
    live_ = key.rfind("sk_live_", 0) == 0;

    const bool v2 = path.rfind("/v2/", 0) == 0;
    const bool mutating = req.method != http::Method::get;
    std::string idem = req.headers.get("Idempotency-Key").value_or("");
    std::string fingerprint = std::string(http::method_name(req.method)) + " " + path_query + "\n" + req.body;
    if (mutating && key_in_use)  // another request with this key is executing: nothing is saved
      return error(409, "idempotency_error",
                   "There is currently another in-progress request using this Idempotent Key (that probably means "
                   "you submitted twice, and the other request is still going through): " + idem +
                       ". Please try again later.",
                   "", "idempotency_key_in_use");
    if (mutating && !idem.empty()) {
      auto stored = idempotency_.find(idem);
      if (stored != idempotency_.end()) {
        if (stored->second.fingerprint != fingerprint)
          return error(400, "idempotency_error",
                       "Keys for idempotent requests can only be used with the same parameters they were first used "
                       "with. Try using a key other than '" + idem + "' if you meant to execute a different request.");
        http::Response replay = stored->second.response;
        replay.headers.set("Idempotent-Replayed", "true");
        return replay;
      }
    }

    json params;
    try {
      if (req.method == http::Method::post && v2) {
        params = req.body.empty() ? json::object() : json::parse(req.body);
        if (!params.is_object()) throw std::invalid_argument("not an object");
      } else if (req.method == http::Method::post) {
        params = json(form_decode(req.body));
      } else {
        params = json(form_decode(query));
      }
    } catch (const std::exception&) {
      if (req.method == http::Method::post && v2)
        if (auto name = json_non_utf8_param(req.body)) return not_utf8(*name);
      return refuse(400, "The request body could not be parsed.");
    }
    if (auto name = non_utf8_param(params)) return not_utf8(*name);

    std::size_t commits_before = commits_;
    http::Response resp;
    try {
      resp = route(req.method, path, params);
    } catch (const std::exception&) {  // e.g. a number that does not fit: the API says 400 too
      resp = refuse(400, "Invalid request parameters.");
    }
    // Stripe saves a result only once the endpoint started executing: not for refused params or
    // an unknown URL, so the corrected retry with the same key runs. Errors after that replay.
    if (mutating && !idem.empty() && !refused_ && resp.status < 500 &&
        (commits_ > commits_before || resp.status >= 400))
      idempotency_[idem] = Stored{fingerprint, resp};
    if (drop && commits_ == commits_before) drop = false;  // nothing committed: a plain answer
    return resp;
  }

  // RFC 3986 5.2.4 remove_dot_segments, after decoding %2E (unreserved, so the same URL): libcurl
  // and HTTP front ends send "/v1/accounts/." on as "/v1/accounts/".
  static std::string remove_dot_segments(std::string in) {
    for (std::size_t pos = in.find('%'); pos != std::string::npos; pos = in.find('%', pos + 1))
      if (pos + 2 < in.size() && in[pos + 1] == '2' && (in[pos + 2] == 'e' || in[pos + 2] == 'E')) in.replace(pos, 3, ".");
    auto starts = [](std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; };
    auto drop_last_segment = [](std::string& out) {
      auto last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    };
    std::string out;
    std::string_view input = in;
    while (!input.empty()) {
      if (starts(input, "../")) {
        input.remove_prefix(3);
      } else if (starts(input, "./") || starts(input, "/./")) {
        input.remove_prefix(2);
      } else if (input == "/.") {
        input = "/";
      } else if (starts(input, "/../") || input == "/..") {
        input = input.size() == 3 ? std::string_view("/") : input.substr(3);
        drop_last_segment(out);
      } else if (input == "." || input == "..") {
        input = {};
      } else {
        std::size_t next = std::min(input.find('/', 1), input.size());
        out.append(input.substr(0, next));
        input.remove_prefix(next);
      }
    }
    return out;
  }

  static std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
      auto end = path.find('/', start);
      if (end == std::string::npos) end = path.size();
      out.push_back(percent_decode(path.substr(start, end - start)));
      start = end + 1;
    }
    return out;
  }

  http::Response route(http::Method m, const std::string& path, json& params) {
    auto seg = split_path(path);
    using M = http::Method;
    auto unrecognized = [&] {
      return refuse(404, std::string("Unrecognized request URL (") + http::method_name(m) + ": " + path + ").");
    };
    if (std::find(seg.begin(), seg.end(), std::string()) != seg.end()) return unrecognized();  // "//", trailing "/"
    if (seg.size() >= 2 && seg[0] == "v1" && seg[1] == "accounts") {
      if (seg.size() == 2 && m == M::post) return create_v1(params);
      if (seg.size() == 2 && m == M::get) return list_v1(params);
      if (seg.size() < 3) return unrecognized();
      auto it = accounts_.find(seg[2]);
      if (it == accounts_.end() || it->second.deleted) return missing("account", seg[2]);
      SimAccount& a = it->second;
      if (seg.size() == 3 && m == M::get) {
        if (auto p = check_params<v1::AccountRetrieveParams>(params, true)) return bad(*p);
        return reply(200, render_v1(a));
      }
      if (seg.size() == 3 && m == M::post) return update_v1(a, params);
      if (seg.size() == 3 && m == M::del) {
        a.deleted = true;
        ++commits_;
        return reply(200, {{"id", a.id}, {"object", "account"}, {"deleted", true}});
      }
      if (seg.size() == 4 && seg[3] == "reject" && m == M::post) return reject_v1(a, params);
      if (seg.size() == 4 && seg[3] == "capabilities" && m == M::get) {
        json data = json::array();
        for (const auto& cap : a.capabilities) data.push_back(render_capability(a, cap));
        return reply(200, {{"object", "list"}, {"data", data}, {"has_more", false},
                           {"url", "/v1/accounts/" + a.id + "/capabilities"}});
      }
      if (seg.size() == 5 && seg[3] == "capabilities") {
        if (!known_capability(seg[4])) return missing("capability", seg[4]);
        if (m == M::get) return reply(200, render_capability(a, seg[4]));
        if (m == M::post) return update_capability(a, seg[4], params);
      }
      return unrecognized();
    }
    if (path == "/v1/account_links" && m == M::post) return create_v1_link(params);
    if (seg.size() >= 3 && seg[0] == "v2" && seg[1] == "core" && seg[2] == "accounts") {
      if (seg.size() == 3 && m == M::post) return create_v2(params);
      if (seg.size() == 3 && m == M::get) return list_v2(params);
      auto it = seg.size() >= 4 ? accounts_.find(seg[3]) : accounts_.end();
      if (it == accounts_.end() || !it->second.v2) return missing("account", seg.size() >= 4 ? seg[3] : "");
      SimAccount& a = it->second;
      if (seg.size() == 4 && m == M::get) return retrieve_v2(a, params);
      if (seg.size() == 4 && m == M::post) return update_v2(a, params);
      if (seg.size() == 5 && seg[4] == "close" && m == M::post) {
        a.closed = true;
        ++commits_;
        touch(a.id);
        return reply(200, render_v2(a, {}));
      }
      return unrecognized();
    }
    if (path == "/v2/core/account_links" && m == M::post) return create_v2_link(params);
    if (seg.size() == 4 && seg[0] == "v2" && seg[1] == "core" && seg[2] == "events" && m == M::get) {
      auto it = v2_events_.find(seg[3]);
      if (it == v2_events_.end()) return missing("event", seg[3]);
      return reply(200, it->second);
    }
    return unrecognized();
  }

  // A request refused before its endpoint ran (parameters failed validation, no such URL).
  http::Response refuse(int status, const std::string& message, const std::string& param = "",
                        const std::string& code = "") {
    refused_ = true;
    return error(status, "invalid_request_error", message, param, code);
  }
  http::Response bad(const ParamProblem& p) { return refuse(400, p.message, p.param, p.code); }
  http::Response not_utf8(const std::string& param) {
    return refuse(400, "Invalid string: " + param + " must be valid UTF-8.", param, "parameter_invalid_string");
  }

  // ---- UTF-8 -------------------------------------------------------------------------------
  // Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlongs, no surrogates,
  // nothing above U+10FFFF), 0 if there is none.
  static std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    auto tail = [&](std::size_t k) { return (byte(k) & 0xC0u) == 0x80u; };
    const unsigned c = byte(0);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return tail(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      return byte(1) >= lo && byte(1) <= hi && tail(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      return byte(1) >= lo && byte(1) <= hi && tail(2) && tail(3) ? 4 : 0;
    }
    return 0;
  }
  static bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0, n; i < s.size(); i += n)
      if ((n = utf8_length(s, i)) == 0) return false;
    return true;
  }
  // The text with each byte that is not part of a UTF-8 sequence written as %XX, to name it.
  static std::string printable(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0, n; i < s.size(); i += n) {
      if ((n = utf8_length(s, i)) > 0) {
        out.append(s.substr(i, n));
      } else {
        const auto b = static_cast<unsigned char>(s[i]);
        out += {'%', hex[b >> 4], hex[b & 15]};
        n = 1;
      }
    }
    return out;
  }
  static void require_utf8(const char* what, const std::string& text) {
    if (!valid_utf8(text)) throw InvalidParamsError(stripe::detail::message_only(std::string(what) + " is not valid UTF-8"));
  }
  // The first param (bracket form) whose name or text value is not UTF-8.
  static std::optional<std::string> non_utf8_param(const json& j, const std::string& path = "") {
    if (j.is_string()) {
      if (!valid_utf8(j.get_ref<const std::string&>())) return path;
    } else if (j.is_object()) {
      for (auto it = j.begin(); it != j.end(); ++it) {
        std::string name = testing::detail::bracket(path, printable(it.key()));
        if (!valid_utf8(it.key())) return name;
        if (auto found = non_utf8_param(it.value(), name)) return found;
      }
    } else if (j.is_array()) {
      for (std::size_t i = 0; i < j.size(); ++i)
        if (auto found = non_utf8_param(j[i], path + "[" + std::to_string(i) + "]")) return found;
    }
    return std::nullopt;
  }
  // For a JSON body the parser refused: the param whose string is not UTF-8 (a raw byte or a
  // lone surrogate escape), if that is why. A name is given as far as it could be read.
  static std::optional<std::string> json_non_utf8_param(const std::string& body) {
    struct Finder : nlohmann::json_sax<json> {
      struct Frame {
        bool array;
        std::size_t index;
        std::string key;
        bool want_key;
      };
      std::vector<Frame> frames;
      std::optional<std::string> found;

      bool value() {
        if (!frames.empty()) {
          if (frames.back().array) ++frames.back().index;
          else frames.back().want_key = true;
        }
        return true;
      }
      bool null() override { return value(); }
      bool boolean(bool) override { return value(); }
      bool number_integer(number_integer_t) override { return value(); }
      bool number_unsigned(number_unsigned_t) override { return value(); }
      bool number_float(number_float_t, const string_t&) override { return value(); }
      bool string(string_t&) override { return value(); }
      bool binary(binary_t&) override { return value(); }
      bool start_object(std::size_t) override {
        frames.push_back({false, 0, "", true});
        return true;
      }
      bool key(string_t& k) override {
        frames.back().key = k;
        frames.back().want_key = false;
        return true;
      }
      bool end_object() override {
        frames.pop_back();
        return value();
      }
      bool start_array(std::size_t) override {
        frames.push_back({true, 0, "", false});
        return true;
      }
      bool end_array() override { return end_object(); }
      bool parse_error(std::size_t, const std::string& token, const nlohmann::detail::exception& e) override {
        std::string what = e.what();
        if (what.find("UTF-8") == std::string::npos && what.find("surrogate") == std::string::npos) return false;
        std::string name;
        for (const auto& f : frames) {
          if (f.array) name += "[" + std::to_string(f.index) + "]";
          else if (&f != &frames.back() || !f.want_key) name = testing::detail::bracket(name, f.key);
        }
        if (!frames.empty() && !frames.back().array && frames.back().want_key)  // the key itself
          name = testing::detail::bracket(name, printable(std::string_view(token).substr(token.empty() ? 0 : 1)));
        found = name.empty() ? "(body)" : name;
        return false;
      }
    } finder;
    json::sax_parse(body, &finder, json::input_format_t::json, true);
    return finder.found;
  }

  static bool known_capability(const std::string& name) {
    const auto& caps = param_schema<v1::AccountCreateParams>().children.at("capabilities")->children;
    return caps.count(name) > 0;
  }

  static std::string str(const json& j, const char* key, const std::string& fallback = "") {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
  }

  void apply_common_v1(SimAccount& a, const json& p) {
    if (p.contains("email")) a.email = str(p, "email");
    if (p.contains("business_profile")) merge_into_object(a.business_profile, p["business_profile"]);
    if (p.contains("individual")) merge_into_object(a.individual, p["individual"]);
    if (p.contains("company")) merge_into_object(a.company, p["company"]);
    if (p.contains("metadata") && p["metadata"].is_object())
      for (auto it = p["metadata"].begin(); it != p["metadata"].end(); ++it) {
        if (it.value().is_string() && !it.value().get<std::string>().empty()) a.metadata[it.key()] = it.value();
        else a.metadata.erase(it.key());
      }
    if (p.contains("tos_acceptance") && p["tos_acceptance"].is_object()) {
      const auto& t = p["tos_acceptance"];
      if (t.contains("date")) {  // validated as an integer; "" unsets it
        std::string date = str(t, "date");
        if (date.empty()) a.tos_date.reset();
        else a.tos_date = std::stoll(date);
      }
      if (t.contains("ip")) a.tos_ip = str(t, "ip");
      if (a.tos_date && a.tos_ip) a.details_submitted = true;
    }
    if (p.contains("capabilities") && p["capabilities"].is_object())
      for (auto it = p["capabilities"].begin(); it != p["capabilities"].end(); ++it)
        if (str(it.value(), "requested") == "true") request_capability(a, it.key());
    if (p.contains("business_type")) a.business_type = str(p, "business_type", a.business_type);
    rebuild_items(a);
    apply_prefill(a, p);
  }

  // Form values are strings; keep numbers as numbers where the typed model wants them.
  // Anything but an object is an unset param ("individual=" in a form): nothing to merge.
  // A JSON null unsets a field.
  static void merge_into_object(json& target, const json& extra) {
    if (!extra.is_object()) return;
    if (!target.is_object()) target = json::object();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
      if (it.value().is_object()) merge_into_object(target[it.key()], it.value());
      else if (it.value().is_null()) target.erase(it.key());
      else target[it.key()] = it.value();
    }
  }

  http::Response create_v1(json& p) {
    if (auto problem = check_params<v1::AccountCreateParams>(p, true)) return bad(*problem);
    SimAccount a;
    a.id = next_id("acct_");
    a.created = clock_;
    a.future_deadline = clock_ + options_.future_requirements_delay;
    a.country = str(p, "country", "US");
    a.type = str(p, "type");
    if (p.contains("tos_acceptance")) a.service_agreement = str(p["tos_acceptance"], "service_agreement", "full");
    if (p.contains("controller") && p["controller"].is_object()) {
      const json& c = p["controller"];
      a.controller = {{"fees", {{"payer", str(c.value("fees", json::object()), "payer", "application")}}},
                      {"is_controller", true},
                      {"losses", {{"payments", str(c.value("losses", json::object()), "payments", "application")}}},
                      {"requirement_collection", str(c, "requirement_collection", "stripe")},
                      {"stripe_dashboard", {{"type", str(c.value("stripe_dashboard", json::object()), "type", "full")}}},
                      {"type", "application"}};
    } else {
      std::string t = a.type.empty() ? "standard" : a.type;
      if (a.type.empty()) a.type = "standard";
      if (t == "express")
        a.controller = {{"fees", {{"payer", "application_express"}}}, {"is_controller", true},
                        {"losses", {{"payments", "application"}}}, {"requirement_collection", "stripe"},
                        {"stripe_dashboard", {{"type", "express"}}}, {"type", "application"}};
      else if (t == "custom")
        a.controller = {{"fees", {{"payer", "application_custom"}}}, {"is_controller", true},
                        {"losses", {{"payments", "application"}}}, {"requirement_collection", "application"},
                        {"stripe_dashboard", {{"type", "none"}}}, {"type", "application"}};
      else
        a.controller = {{"fees", {{"payer", "account"}}}, {"is_controller", false}, {"losses", {{"payments", "stripe"}}},
                        {"requirement_collection", "stripe"}, {"stripe_dashboard", {{"type", "full"}}}, {"type", "account"}};
    }
    // Custom accounts must request capabilities (the platform's own flow collects for them);
    // Express and Standard accounts get them from onboarding.
    if (a.type == "custom" && !p.contains("capabilities"))
      return refuse(400, "You must request capabilities when creating custom accounts.", "capabilities",
                    "parameter_missing");
    apply_common_v1(a, p);
    std::string id = a.id;
    accounts_[id] = std::move(a);
    order_.push_back(id);
    ++commits_;
    touch(id);
    return reply(200, render_v1(accounts_.at(id)));
  }

  http::Response update_v1(SimAccount& a, json& p) {
    if (auto problem = check_params<v1::AccountUpdateParams>(p, true)) return bad(*problem);
    if (p.contains("country") || p.contains("type"))
      return refuse(400, "You cannot change `country` or `type` of an account after creating it.",
                    p.contains("country") ? "country" : "type");
    // The API-onboarding guide: "Country and service agreement type are immutable".
    if (p.contains("tos_acceptance") && p["tos_acceptance"].contains("service_agreement") &&
        str(p["tos_acceptance"], "service_agreement") != a.service_agreement)
      return refuse(400, "You cannot change `tos_acceptance[service_agreement]` of an account after creating it.",
                    "tos_acceptance[service_agreement]");
    if (a.kyc_locked && (p.contains("individual") || p.contains("company") || p.contains("business_type")))
      return error(400, "invalid_request_error",
                   "This account's identity information is collected by Stripe after onboarding started; the "
                   "platform can no longer update it.",
                   p.contains("individual") ? "individual" : p.contains("company") ? "company" : "business_type");
    const json individual_before = a.individual, company_before = a.company;
    const bool terms_accepted = a.tos_date.has_value();
    apply_common_v1(a, p);
    if (terms_accepted && a.individual != individual_before) reverify(a, {"individual."});
    if (terms_accepted && a.company != company_before) reverify(a, {"company.", "representative."});
    ++commits_;
    touch(a.id);
    return reply(200, render_v1(a));
  }

  http::Response reject_v1(SimAccount& a, json& p) {
    if (auto problem = check_params<v1::AccountRejectParams>(p, true)) return bad(*problem);
    std::string reason = str(p, "reason");
    if (reason.empty()) return refuse(400, "Missing required param: reason.", "reason", "parameter_missing");
    a.rejected = reason.rfind("fraud", 0) == 0    ? "rejected.platform_fraud"
                 : reason == "terms_of_service" ? "rejected.platform_terms_of_service"
                                                : "rejected.platform_other";
    ++commits_;
    touch(a.id);
    return reply(200, render_v1(a));
  }

  http::Response update_capability(SimAccount& a, const std::string& cap, json& p) {
    if (auto problem = check_params<v1::CapabilityUpdateParams>(p, true)) return bad(*problem);
    std::string requested = str(p, "requested");
    if (requested == "true") {
      request_capability(a, cap);
    } else if (requested == "false") {
      a.capabilities.erase(std::remove(a.capabilities.begin(), a.capabilities.end(), cap), a.capabilities.end());
      a.last_caps.erase(cap);
    }
    rebuild_items(a);
    ++commits_;
    touch(a.id);
    return reply(200, render_capability(a, cap));
  }

  http::Response list_v1(json& p) {
    if (auto problem = check_params<v1::AccountListParams>(p, true)) return bad(*problem);
    std::vector<std::string> ids;
    for (auto it = order_.rbegin(); it != order_.rend(); ++it)
      if (!accounts_.at(*it).deleted) ids.push_back(*it);  // newest first, like the API
    std::size_t limit = std::clamp<std::size_t>(static_cast<std::size_t>(std::stoll(str(p, "limit", "10"))), 1, 100);
    auto pos = [&](const std::string& id) {
      return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
    };
    std::size_t begin = 0, end = ids.size();
    bool backwards = p.contains("ending_before");
    if (p.contains("starting_after")) begin = std::min(ids.size(), pos(str(p, "starting_after")) + 1);
    if (backwards) {
      end = pos(str(p, "ending_before"));
      begin = end > limit ? end - limit : 0;
    }
    std::size_t stop = std::min(end, begin + limit);
    json data = json::array();
    for (std::size_t i = begin; i < stop; ++i) data.push_back(render_v1(accounts_.at(ids[i])));
    bool has_more = backwards ? begin > 0 : stop < ids.size();
    return reply(200, {{"object", "list"}, {"data", data}, {"has_more", has_more}, {"url", "/v1/accounts"}});
  }

  static bool dashboard_hosted(const SimAccount& a) {
    auto type = a.controller.value("stripe_dashboard", json::object()).value("type", "none");
    return type == "express" || type == "full";
  }

  std::string new_link_url(const std::string& account, bool v2) {
    std::string token;
    std::uint64_t n = (++id_counter_ * 0xD1B54A32D192ED03ull) ^ static_cast<std::uint64_t>(clock_);
    static constexpr char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int i = 0; i < 24; ++i) {
      token.push_back(alphabet[n % 62]);
      n = n / 62 + (n % 7 + 1) * 0x9E3779B97F4A7C15ull;
    }
    std::string url = "https://" + options_.link_host + (v2 ? "/v2/onboard/" : "/setup/e/") + account + "/" + token;
    link_urls_.push_back(url);
    return token;
  }

  http::Response create_v1_link(json& p) {
    if (auto problem = check_params<v1::AccountLinkCreateParams>(p, true)) return bad(*problem);
    for (const char* required : {"account", "type", "refresh_url", "return_url"})
      if (str(p, required).empty())
        return refuse(400, std::string("Missing required param: ") + required + ".", required, "parameter_missing");
    auto it = accounts_.find(str(p, "account"));
    if (it == accounts_.end() || it->second.deleted) return missing("account", str(p, "account"));
    SimAccount& a = it->second;
    for (const char* u : {"refresh_url", "return_url"}) {
      std::string url = str(p, u);
      if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
        return refuse(400, "Not a valid URL", u, "url_invalid");
      if (live_ && url.rfind("https://", 0) != 0)
        return refuse(400, "Livemode requests must always be redirected via HTTPS.", u);
    }
    if (p.contains("collect") && p.contains("collection_options"))
      return refuse(400, "You cannot specify both `collect` and `collection_options`.", "collect");
    if (str(p, "type") == "account_update" &&
        (dashboard_hosted(a) || a.controller.value("requirement_collection", "stripe") != "application"))
      return error(400, "invalid_request_error",
                   "You cannot create `account_update` type Account Links for accounts with access to a Stripe-hosted "
                   "Dashboard or where Stripe collects requirements.",
                   "type");
    SimLink link;
    link.account = a.id;
    link.type = str(p, "type");
    link.refresh_url = str(p, "refresh_url");
    link.return_url = str(p, "return_url");
    link.fields = str(p, "collect", "currently_due");
    if (p.contains("collection_options")) {
      link.fields = str(p["collection_options"], "fields", "currently_due");
      link.future = str(p["collection_options"], "future_requirements", "omit");
    }
    link.created = clock_;
    link.expires_at = clock_ + options_.link_ttl;
    std::string token = new_link_url(a.id, false);
    links_[token] = link;
    if (a.controller.value("requirement_collection", "stripe") == "stripe") a.kyc_locked = true;
    ++commits_;
    return reply(200, {{"object", "account_link"}, {"created", link.created}, {"expires_at", link.expires_at},
                       {"url", link_urls_.back()}});
  }

  // ---- v2 ----------------------------------------------------------------------------------
  void apply_v2(SimAccount& a, const json& p) {
    if (p.contains("display_name")) a.display_name = str(p, "display_name");
    if (p.contains("contact_email")) a.email = str(p, "contact_email");
    if (p.contains("dashboard")) a.dashboard = str(p, "dashboard", "none");
    if (p.contains("metadata") && p["metadata"].is_object())
      for (auto it = p["metadata"].begin(); it != p["metadata"].end(); ++it) {
        if (it.value().is_string()) a.metadata[it.key()] = it.value();
        else a.metadata.erase(it.key());
      }
    if (p.contains("defaults") && p["defaults"].is_object()) merge_into_object(a.defaults, p["defaults"]);
    // The platform collects requirements only where it is liable for the losses of an account
    // without a Stripe Dashboard (as v1 allows requirement_collection=application).
    const json responsibilities = a.defaults.is_object() ? a.defaults.value("responsibilities", json::object()) : json::object();
    a.requirements_collector =
        a.dashboard == "none" && str(responsibilities, "losses_collector") == "application" ? "application" : "stripe";
    json v1_like = json::object();  // v2 identity fields in the v1 requirement names
    if (p.contains("identity") && p["identity"].is_object()) {
      const json& id = p["identity"];
      merge_into_object(a.identity, id);
      a.identity.erase("country");
      a.identity.erase("entity_type");
      if (id.contains("country")) a.country = str(id, "country", a.country);
      if (id.contains("entity_type")) {
        a.business_type = str(id, "entity_type", a.business_type);
        v1_like["business_type"] = a.business_type;
      }
      if (id.contains("individual")) {
        const json& ind = id["individual"];
        if (ind.contains("given_name")) v1_like["individual"]["first_name"] = ind["given_name"];
        if (ind.contains("surname")) v1_like["individual"]["last_name"] = ind["surname"];
        if (ind.contains("email")) v1_like["individual"]["email"] = ind["email"];
        if (ind.contains("phone")) v1_like["individual"]["phone"] = ind["phone"];
      }
      if (id.contains("business_details") && id["business_details"].contains("registered_name"))
        v1_like["company"]["name"] = id["business_details"]["registered_name"];
    }
    if (p.contains("configuration") && p["configuration"].is_object()) {
      const json& c = p["configuration"];
      auto add_config = [&](const std::string& name) {
        if (std::find(a.configurations.begin(), a.configurations.end(), name) == a.configurations.end())
          a.configurations.push_back(name);
      };
      if (c.contains("recipient")) {
        add_config("recipient");
        request_capability(a, "transfers");
      }
      if (c.contains("merchant")) {
        add_config("merchant");
        request_capability(a, "card_payments");
      }
      if (c.contains("customer")) add_config("customer");
    }
    if (a.dashboard == "express" || a.dashboard == "full")
      a.controller = {{"requirement_collection", "stripe"}, {"stripe_dashboard", {{"type", a.dashboard}}}};
    else
      a.controller = {{"requirement_collection", a.requirements_collector}, {"stripe_dashboard", {{"type", "none"}}}};
    rebuild_items(a);
    apply_prefill(a, v1_like);
  }

  static std::set<std::string> includes(const json& p) {
    std::set<std::string> out;
    if (p.contains("include") && p["include"].is_array())
      for (const auto& i : p["include"]) out.insert(i.get<std::string>());
    return out;
  }

  http::Response create_v2(json& p) {
    if (auto problem = check_params<v2::core::AccountCreateParams>(p, false)) return bad(*problem);
    SimAccount a;
    a.id = next_id("acct_");
    a.v2 = true;
    a.created = clock_;
    a.future_deadline = clock_ + options_.future_requirements_delay;
    apply_v2(a, p);
    std::string id = a.id;
    accounts_[id] = std::move(a);
    order_.push_back(id);
    ++commits_;
    touch(id);
    return reply(200, render_v2(accounts_.at(id), includes(p)));
  }

  http::Response update_v2(SimAccount& a, json& p) {
    if (auto problem = check_params<v2::core::AccountUpdateParams>(p, false)) return bad(*problem);
    if (a.kyc_locked && p.contains("identity"))
      return error(400, "invalid_request_error",
                   "Stripe collects this account's identity after onboarding started; the platform can no longer "
                   "update it.",
                   "identity");
    if (p.contains("identity") && p["identity"].contains("country") && str(p["identity"], "country") != a.country)
      return refuse(400, "You cannot change `identity.country` of an account after creating it.", "identity.country");
    apply_v2(a, p);
    ++commits_;
    touch(a.id);
    return reply(200, render_v2(a, includes(p)));
  }

  http::Response retrieve_v2(SimAccount& a, json& p) {
    if (auto problem = check_params<v2::core::AccountRetrieveParams>(p, true)) return bad(*problem);
    return reply(200, render_v2(a, includes(p)));
  }

  http::Response list_v2(json& p) {
    std::size_t offset = 0;
    if (p.contains("page")) {
      offset = static_cast<std::size_t>(std::stoll(str(p, "page", "0")));
      p.erase("page");
    }
    if (auto problem = check_params<v2::core::AccountListParams>(p, true)) return bad(*problem);
    std::size_t limit = std::clamp<std::size_t>(static_cast<std::size_t>(std::stoll(str(p, "limit", "10"))), 1, 100);
    std::vector<std::string> ids;
    for (auto it = order_.rbegin(); it != order_.rend(); ++it)
      if (accounts_.at(*it).v2) ids.push_back(*it);
    json data = json::array();
    for (std::size_t i = offset; i < ids.size() && i < offset + limit; ++i) data.push_back(render_v2(accounts_.at(ids[i]), {}));
    json next = nullptr;
    if (offset + limit < ids.size())
      next = "/v2/core/accounts?limit=" + std::to_string(limit) + "&page=" + std::to_string(offset + limit);
    return reply(200, {{"data", data}, {"next_page_url", next}, {"previous_page_url", nullptr}});
  }

  http::Response create_v2_link(json& p) {
    if (auto problem = check_params<v2::core::AccountLinkCreateParams>(p, false)) return bad(*problem);
    std::string account = str(p, "account");
    if (account.empty()) return refuse(400, "Missing required param: account.", "account", "parameter_missing");
    auto it = accounts_.find(account);
    if (it == accounts_.end() || !it->second.v2) return missing("account", account);
    SimAccount& a = it->second;
    const json uc = p.value("use_case", json::object());
    std::string type = str(uc, "type");
    if (type != "account_onboarding" && type != "account_update")
      return refuse(400, "Missing required param: use_case.type.", "use_case.type", "parameter_missing");
    const json body = uc.value(type, json::object());
    for (const char* u : {"refresh_url", "return_url"}) {
      std::string url = str(body, u);
      if (url.empty() && std::string(u) == "return_url") continue;
      if (url.rfind("https://", 0) != 0)
        return refuse(400, std::string("use_case.") + type + "." + u + " must use HTTPS.",
                      std::string("use_case.") + type + "." + u, "url_invalid");
    }
    // Create an account link: "You can create Account Links of type account_update only for
    // connected accounts where your platform is responsible for collecting requirements".
    if (type == "account_update" && (dashboard_hosted(a) || a.requirements_collector != "application"))
      return error(400, "invalid_request_error",
                   "You cannot create account_update links for accounts with a Stripe-hosted Dashboard or where "
                   "Stripe collects requirements.",
                   "use_case.type");
    SimLink link;
    link.v2 = true;
    link.account = a.id;
    link.type = type;
    link.refresh_url = str(body, "refresh_url");
    link.return_url = str(body, "return_url");
    if (body.contains("collection_options")) {
      link.fields = str(body["collection_options"], "fields", "currently_due");
      link.future = str(body["collection_options"], "future_requirements", "omit");
    }
    if (body.contains("configurations") && body["configurations"].is_array())
      for (const auto& c : body["configurations"])
        if (c.is_string()) link.configurations.push_back(c.get<std::string>());
    link.created = clock_;
    link.expires_at = clock_ + options_.link_ttl;
    std::string token = new_link_url(a.id, true);
    links_[token] = link;
    if (a.requirements_collector == "stripe") a.kyc_locked = true;
    ++commits_;
    json use_case = {{"type", type}, {type, body}};
    return reply(200, {{"object", "v2.core.account_link"}, {"account", a.id}, {"created", rfc3339(link.created)},
                       {"expires_at", rfc3339(link.expires_at)}, {"livemode", false}, {"url", link_urls_.back()},
                       {"use_case", use_case}});
  }

  SimulatorOptions options_;
  mutable std::mutex mutex_;
  std::int64_t clock_;
  std::uint64_t id_counter_ = 0, request_counter_ = 0;
  std::size_t commits_ = 0;
  bool live_ = false;
  // Hashed: a lookup costs the same however many accounts a test suite left behind.
  std::unordered_map<std::string, SimAccount> accounts_;
  std::vector<std::string> order_;
  std::unordered_map<std::string, SimLink> links_;
  std::vector<std::string> link_urls_;
  std::unordered_map<std::string, Stored> idempotency_;
  std::set<std::string> in_flight_;  // idempotency keys of requests being answered
  std::function<void(const http::Request&)> request_hook_;
  bool refused_ = false;  // the current request was refused before its endpoint ran
  std::deque<Fault> faults_;
  std::function<void(const WebhookDelivery&)> sink_;
  std::vector<WebhookDelivery> outbox_;
  std::vector<WebhookDelivery> delivered_;
  std::unordered_map<std::string, json> v2_events_;  // by id, with data: what GET /v2/core/events/{id} answers
  std::map<std::string, std::vector<RequirementSpec>> requirement_tables_;  // see requirement_table()
  std::set<std::pair<std::int64_t, std::string>> timers_;  // (wake_at, account id): see schedule()
};

}  // namespace stripe::testing

#pragma once
// stripe::testing::Simulator: an in-process, stateful Connect onboarding backend behind the
// Transport seam. It serves every endpoint in scope (v1 accounts, account links, capabilities,
// persons, external accounts, files, file links, tokens, login links, account sessions and
// country specs; v2 core accounts, persons, person and account tokens, account links, events and
// event destinations), validates like the API, replays idempotent requests, injects faults, plays
// the user and Stripe through hooks, and delivers signed webhooks and destination notifications.
// Link stripe_connect::testing (it signs deliveries, through stripe_connect::webhook).
//
// This header is the public front; the parts live in stripe/testing/sim/: state.hpp (what it
// holds), requirements.hpp (the requirements engine), render_v1.hpp and render_v2.hpp (the API's
// objects), events.hpp (events and webhooks), links.hpp (account links and the onboarding form),
// destination_routing.hpp (who receives an event), http.hpp, utf8.hpp, v2_paging.hpp,
// v1_endpoints.hpp, v2_endpoints.hpp, v2_persons.hpp, v2_tokens.hpp, v2_events.hpp,
// event_destinations.hpp, v2_surface_routes.hpp and routes.hpp (requests).
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "stripe/http/transport.hpp"
#include "stripe/testing/sim/options.hpp"
#include "stripe/testing/sim/routes.hpp"
#include "stripe/webhook/signature.hpp"

namespace stripe::testing {

/// An in-memory Stripe for tests: a Transport that serves accounts and account links, walks onboarding and delivers signed webhooks, all offline.
class Simulator : public http::Transport {
 public:
  /// Starts the simulated clock at options.start_time; link_host and link_scheme must be valid UTF-8.
  explicit Simulator(SimulatorOptions options = {}) : state_(std::move(options)) {
    sim::require_utf8("SimulatorOptions::link_host", state_.options.link_host);
    sim::require_utf8("SimulatorOptions::link_scheme", state_.options.link_scheme);
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
      d.signature_header = webhook::sign_payload(d.payload, state_.options.webhook_secret, webhook::VerifyOptions().now());
      answer(*shared, d);
      std::lock_guard<std::mutex> lock(mutex_);
      delivered_.push_back(std::move(d));
    };
    std::lock_guard<std::mutex> lock(mutex_);
    sim::listen(state_);
    sink_ = std::move(sink);
  }
  /// Sets the endpoint that receives what v2 event destinations are sent (POST
  /// /v2/core/event_destinations): each delivery names its `destination` and `url` and is signed
  /// with that destination's own secret (webhook_endpoint.signing_secret), at the wall-clock time
  /// of delivery. It answers as on_webhook's receiver does and runs outside the simulator's lock.
  /// Without one, deliveries are still kept (status 0): destination_deliveries().
  template <class Receiver>
  void on_destination_delivery(Receiver receiver) {
    auto shared = std::make_shared<Receiver>(std::move(receiver));
    std::lock_guard<std::mutex> lock(mutex_);
    destination_sink_ = [shared](WebhookDelivery& d) { answer(*shared, d); };
  }
  /// Every delivery to an event destination, oldest first, with the receiver's answer (status 0
  /// when no receiver was set): a disabled destination or one not listening for a type gets none.
  std::vector<WebhookDelivery> destination_deliveries() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return destination_delivered_;
  }
  /// Every delivery made to the receiver, oldest first, with its answer: assert on the statuses
  /// to see a receiver that rejects deliveries.
  std::vector<WebhookDelivery> webhook_deliveries() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return delivered_;
  }
  /// Secret the deliveries are signed with.
  const std::string& webhook_secret() const { return state_.options.webhook_secret; }

  // ---- the clock ---------------------------------------------------------------------------
  /// Current simulated time, Unix seconds.
  std::int64_t now() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return state_.clock;
  }
  /// Moves time on: links expire, pending verifications finish after verification_delay, future
  /// requirements become requirements at future_requirements.current_deadline, and requirements
  /// whose deadline passes become past_due. Only the accounts with something due are visited.
  void advance_clock(std::int64_t seconds) {
    run_hook([&] { sim::advance_clock(state_, seconds); });
  }

  // ---- playing the user --------------------------------------------------------------------
  /// Opens a link as a browser would. A link works once and only until it expires.
  LinkVisit open_link(const std::string& url) {
    sim::require_utf8("the link URL", url);
    LinkVisit visit;
    run_hook([&] { visit = sim::open_link(state_, url); });
    return visit;
  }
  /// The user fills in everything the link's collection options ask for and clicks submit.
  /// Opens the link first if it was not opened. Returns the redirect to return_url.
  LinkVisit submit_onboarding(const std::string& url) {
    sim::require_utf8("the link URL", url);
    LinkVisit visit;
    run_hook([&] { visit = sim::submit_onboarding(state_, url); });
    return visit;
  }

  // ---- playing Stripe ----------------------------------------------------------------------
  /// Finishes every pending verification of an account now.
  void complete_verifications(const std::string& account) {
    sim::require_utf8("account", account);
    run_hook([&] {
      sim::Account& a = state_.account(account);
      for (auto& item : a.items)
        if (item.state == sim::Item::State::pending) sim::verified(item);
      sim::touch(state_, a);
    });
  }
  /// Fails the verification of one requirement: it is due again, with a requirements error.
  void fail_verification(const std::string& account, const std::string& requirement,
                         const std::string& code = "verification_document_expired",
                         const std::string& reason = "The document has expired. Upload an unexpired document.") {
    for (const auto* text : {&account, &requirement, &code, &reason}) sim::require_utf8("fail_verification's text", *text);
    run_hook([&] {
      sim::Account& a = state_.account(account);
      for (auto& item : a.items) {
        if (item.spec->name != requirement && sim::shown_name(a, item) != requirement) continue;
        item.state = sim::Item::State::due;
        item.escalated = item.spec->eventually;
        item.error_code = code;
        item.error_reason = reason;
        sim::touch(state_, a);
        return;
      }
      throw std::invalid_argument("no requirement " + requirement + " on this account");
    });
  }
  /// Stripe needs the eventually_due information now: it becomes currently_due with a deadline.
  void require_eventually_due(const std::string& account) {
    sim::require_utf8("account", account);
    run_hook([&] {
      sim::Account& a = state_.account(account);
      for (auto& item : a.items)
        if (item.state == sim::Item::State::due && item.spec->eventually) item.escalated = true;
      if (!sim::currently_due(a).empty()) a.current_deadline = state_.clock + state_.options.requirement_deadline;
      sim::touch(state_, a);
    });
  }
  /// The current deadline passes now: currently_due becomes past_due and the account is disabled.
  void pass_deadline(const std::string& account) {
    sim::require_utf8("account", account);
    run_hook([&] {
      sim::Account& a = state_.account(account);
      if (!sim::currently_due(a).empty()) a.past_deadline = true;
      sim::touch(state_, a);
    });
  }
  /// Stripe rejects the account (fraud, terms_of_service, listed, other).
  void reject_account(const std::string& account, const std::string& reason = "fraud") {
    sim::require_utf8("account", account);
    sim::require_utf8("the rejection reason", reason);
    run_hook([&] {
      sim::Account& a = state_.account(account);
      a.rejected = "rejected." + reason;
      sim::touch(state_, a);
    });
  }

  // ---- faults ------------------------------------------------------------------------------
  /// Arms a fault for the next matching requests.
  void inject_fault(Fault f) {
    std::lock_guard<std::mutex> lock(mutex_);
    state_.faults.push_back(std::move(f));
  }
  /// How many mutating requests changed state (replays and refused requests do not count).
  std::size_t commits() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return state_.commits;
  }
  /// Every link URL handed out, newest last (tests need them; never log them).
  std::vector<std::string> link_urls() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return state_.link_urls;
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
    http::Response resp;
    bool drop = false;
    run_hook([&] {
      resp = sim::dispatch(state_, req, drop, claim.in_use);
      claim.release_locked();
    });
    if (drop) throw http::NoResponseError(http::NoResponseError::Kind::reset, "simulated connection reset after commit");
    return resp;
  }

 private:
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

  // Calls a receiver as an endpoint answers: its status, 200 for nothing, 500 for a throw.
  template <class Receiver>
  static void answer(Receiver& receiver, WebhookDelivery& d) {
    const WebhookDelivery& sent = d;
    try {
      if constexpr (std::is_void_v<std::invoke_result_t<Receiver&, const WebhookDelivery&>>) {
        receiver(sent);
        d.status = 200;
      } else {
        d.status = static_cast<int>(receiver(sent));
      }
    } catch (const std::exception& e) {
      d.status = 500;
      d.error = e.what();
    }
  }

  // Runs `f` under the lock, then delivers what it queued outside it (a receiver may call back).
  // A destination's delivery is signed under the lock, where its secret is.
  template <class F>
  void run_hook(F&& f) {
    std::vector<WebhookDelivery> deliveries;
    std::function<void(const WebhookDelivery&)> sink;
    std::function<void(WebhookDelivery&)> destination_sink;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      f();
      deliveries.swap(state_.outbox);
      sink = sink_;
      destination_sink = destination_sink_;
      for (auto& d : deliveries) {
        if (d.destination.empty()) continue;
        auto it = state_.v2core.destinations.find(d.destination);
        if (it != state_.v2core.destinations.end())
          d.signature_header = webhook::sign_payload(d.payload, it->second.signing_secret, webhook::VerifyOptions().now());
      }
    }
    for (auto& d : deliveries) {
      if (d.destination.empty()) {
        if (sink) sink(d);
        continue;
      }
      if (destination_sink) destination_sink(d);
      std::lock_guard<std::mutex> lock(mutex_);
      destination_delivered_.push_back(std::move(d));
    }
  }

  sim::State state_;
  mutable std::mutex mutex_;
  std::set<std::string> in_flight_;  // idempotency keys of requests being answered
  std::function<void(const http::Request&)> request_hook_;
  std::function<void(const WebhookDelivery&)> sink_;
  std::vector<WebhookDelivery> delivered_;
  std::function<void(WebhookDelivery&)> destination_sink_;
  std::vector<WebhookDelivery> destination_delivered_;
};

}  // namespace stripe::testing

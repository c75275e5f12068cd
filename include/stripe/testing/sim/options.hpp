#pragma once
// The simulator's public types: its options, what a webhook delivery and a link visit look
// like, and the faults it can inject.
#include <cstdint>
#include <string>
#include <vector>

namespace stripe::testing {

/// Knobs of a Simulator: its clock, timings, webhook secret and link host.
struct SimulatorOptions {
  std::int64_t start_time = 1767225600;  ///< 2026-01-01T00:00:00Z; the clock moves only when told
  std::int64_t link_ttl = 300;           ///< account links expire after this many seconds
  std::int64_t token_ttl = 600;          ///< v2 account and person tokens expire after this many seconds
  std::int64_t verification_delay = 60;  ///< pending verifications finish after this long
  std::int64_t requirement_deadline = 14 * 24 * 3600;  ///< seconds from currently_due to past_due
  std::int64_t future_requirements_delay = 90 * 24 * 3600;  ///< from account creation to future_requirements.current_deadline
  std::string webhook_secret = "whsec_simulator_endpoint_secret";  ///< signs webhook deliveries; give it to the endpoint under test
  std::string link_host = "connect.simulator.invalid";  ///< host of the account link URLs handed out
  std::string link_scheme = "https";  ///< scheme of those URLs (stripe-connect-sim serves its links over http)
  /// Mixed into every id and link token: simulators with different seeds hand out different ids,
  /// the same seed gives the same ids for the same requests.
  std::uint64_t id_seed = 0;
  /// What onboarding requests for an account with a Stripe-hosted Dashboard created without
  /// capabilities: the platform's Onboarding options in the Dashboard.
  std::vector<std::string> onboarding_capabilities = {"card_payments", "transfers"};
};

/// A signed webhook delivery, as an endpoint would receive it, and the endpoint's answer: to the
/// on_webhook receiver, or to a v2 event destination (then `destination` names it).
struct WebhookDelivery {
  std::string type;  ///< event type, e.g. account.updated
  std::string payload;  ///< the JSON body, exactly as signed
  std::string signature_header;  ///< Stripe-Signature, made with the wall-clock time of delivery
  int status = 0;                ///< the receiver's answer; 0 while it is being delivered, or when no destination receiver is set
  std::string error;             ///< what() of the exception the receiver threw (status 500)
  std::string destination;  ///< the event destination (ed_...) it went to; empty for the on_webhook receiver
  std::string url;  ///< that destination's webhook_endpoint.url (empty for other destination types)
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

}  // namespace stripe::testing

#pragma once
// What a Client shares with its copies, services and pagers: the options, checked once, and the
// headers every request carries. Immutable after construction, so any number of threads may read it.
#include <chrono>
#include <memory>
#include <random>
#include <string>
#include <thread>

#include "stripe/client_options.hpp"
#include "stripe/detail/text_checks.hpp"
#include "stripe/detail/user_agent.hpp"
#include "stripe/detail/uuid.hpp"
#include "stripe/errors.hpp"
#include "stripe/http/default_transport.hpp"

namespace stripe::detail {

struct ClientState {
  ClientOptions options;
  std::string transport_name = "custom";
  http::Headers fixed_headers;  // User-Agent, X-Stripe-Client-User-Agent, Accept
};

[[noreturn]] inline void refuse_option(const std::string& option, const std::string& problem) {
  ErrorDetails d;
  d.param = option;
  d.message = option + " " + problem;
  throw ConfigurationError(std::move(d));
}

// A value bound for a header: printable, and for text the API echoes, valid UTF-8.
inline void check_header_option(const char* option, std::string_view value) {
  if (const char* problem = header_value_problem(value)) refuse_option(option, problem);
}

inline void check_positive(const char* option, std::chrono::milliseconds value) {
  if (value.count() <= 0) refuse_option(option, "must be positive (there is no \"no timeout\" value)");
}

inline void check_base_url(const char* option, const std::string& url) {
  check_header_option(option, url);
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
    refuse_option(option, "must start with https:// (or http:// for a local test server)");
  if (url.find_first_of(" ?#") != std::string::npos)
    refuse_option(option, "must be a scheme, host and optional path, without spaces, query or fragment");
}

// Paths start with '/', so a base URL ends without one.
inline void drop_trailing_slashes(std::string& url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
}

inline void check_options(const ClientOptions& o) {
  check_header_option("ClientOptions::secret_key", o.secret_key);
  check_header_option("ClientOptions::api_version", o.api_version);
  if (o.app_info) {
    check_header_option("AppInfo::name", o.app_info->name);
    check_header_option("AppInfo::version", o.app_info->version);
    check_header_option("AppInfo::url", o.app_info->url);
    check_header_option("AppInfo::partner_id", o.app_info->partner_id);
  }
  check_base_url("ClientOptions::base_url", o.base_url);
  check_base_url("ClientOptions::files_base_url", o.files_base_url);
  check_positive("ClientOptions::timeout", o.timeout);
  check_positive("ClientOptions::connect_timeout", o.connect_timeout);
  if (o.retry.max_retries < 0) refuse_option("RetryOptions::max_retries", "must be zero or more");
  check_positive("RetryOptions::initial_delay", o.retry.initial_delay);
  if (o.retry.max_delay < o.retry.initial_delay)
    refuse_option("RetryOptions::max_delay", "must be at least RetryOptions::initial_delay");
  if (o.retry.deadline) check_positive("RetryOptions::deadline", *o.retry.deadline);
  if (o.max_response_bytes == 0) refuse_option("ClientOptions::max_response_bytes", "must be positive");
}

inline std::shared_ptr<const ClientState> make_client_state(ClientOptions options) {
  check_options(options);
  auto state = std::make_shared<ClientState>();
  if (!options.transport) {
    auto found = http::make_default_transport();
    if (!found.transport)
      throw ConfigurationError(message_only(
          "no HTTP transport: link stripe_connect::curl for the default libcurl transport, or set "
          "ClientOptions::transport"));
    options.transport = std::move(found.transport);
    state->transport_name = found.name;
  }
  drop_trailing_slashes(options.base_url);
  drop_trailing_slashes(options.files_base_url);
  if (!options.sleep) options.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  if (!options.now) options.now = [] { return std::chrono::steady_clock::now(); };
  if (!options.jitter) {
    options.jitter = [] {
      thread_local std::mt19937_64 gen{std::random_device{}()};
      return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
    };
  }
  if (!options.idempotency_key_generator) options.idempotency_key_generator = [] { return uuid_v4(); };
  state->fixed_headers.set("User-Agent", user_agent(options.app_info));
  state->fixed_headers.set("X-Stripe-Client-User-Agent", client_user_agent(options.app_info, state->transport_name));
  state->fixed_headers.set("Accept", "application/json");
  state->options = std::move(options);
  return state;
}

}  // namespace stripe::detail
